"""Rule packs end to end: every dimension changes what the pipeline finds; every way in
(load, component.add_rules, the CLI, installed entry points, to_disk/spacy.load) works;
invalid records are reported with file, line and field and change nothing."""
import json
import sys
import textwrap

import pytest
import spacy

import policyie
from policyie.api import extract_many
from policyie.pipeline import build
from policyie.cli import main
from policyie.rules import RuleError, check_rule, collect_rules, installed_rule_packs

DATE = "2024-06-01"
# One sentence per rule (written for these tests), and what the rule changes in it.
ALIAS = "鹏城低空物流发展迅速。"
TERM = "我们加快发展深远海养殖装备。"
UNIT = "港口节约能源1.2万吨标煤。"
CUE = "全区工业产值冲刺200亿元。"
METRIC = "全市研发经费投入强度提高到2.8%。"

PACK = [
    {"dimension": "regions", "type": "alias", "text": "鹏城", "code": "440300"},
    {"dimension": "industries", "name": "海洋牧场装备", "aliases": ["深远海养殖装备"], "sector": "高端装备制造产业",
     "category": None, "tiers": ["strategic_emerging"], "source": "test-pack"},
    {"dimension": "quantities", "type": "unit", "text": "吨标煤", "unit": "吨标准煤", "family": "physical"},
    {"dimension": "indicators", "cue": "target", "text": "冲刺"},
    {"dimension": "metrics", "text": "研发经费投入强度", "units": ["%"]},
]


def write_pack(path, records, comment="# a test pack\n"):
    path.write_text(comment + "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def findings(nlp, text):
    result = policyie.extract(text, date=DATE, nlp=nlp)
    return {
        "regions": [(r.text, r.code) for r in result.regions],
        "industries": [(i.text, i.name, i.sector) for i in result.industries],
        "indicators": [(q.text, q.unit, q.name, q.target) for q in result.indicators],
    }


def assert_customised(nlp):
    assert ("鹏城", "440300") in findings(nlp, ALIAS)["regions"]
    assert ("深远海养殖装备", "海洋牧场装备", "高端装备制造产业") in findings(nlp, TERM)["industries"]
    assert findings(nlp, UNIT)["indicators"][0][:2] == ("1.2万吨标煤", "吨标准煤")
    assert findings(nlp, CUE)["indicators"][0][3] is True
    assert findings(nlp, METRIC)["indicators"][0][2] == "研发经费投入强度"


@pytest.fixture(scope="module")
def custom(tmp_path_factory):
    pack = write_pack(tmp_path_factory.mktemp("packs") / "pack.jsonl", PACK)
    return policyie.load(segmenter="char", rules=[pack])


def test_the_shipped_pipeline_lacks_what_the_pack_adds(nlp_char):
    """Guards the tests below: each sentence shows its rule only when the rule is loaded."""
    assert ("鹏城", "440300") not in findings(nlp_char, ALIAS)["regions"]
    assert not findings(nlp_char, TERM)["industries"]
    assert findings(nlp_char, UNIT)["indicators"][0][1] != "吨标准煤"
    assert findings(nlp_char, CUE)["indicators"][0][3] is False
    # (metric names: the indicator rules keep improving, so see test_metric_names and
    # test_the_component_renames_indicators_on_a_doc for checks that do not depend on them)


def test_a_pack_file_customises_every_dimension(custom):
    assert custom.pipe_names[-1] == "policyie_metrics"
    assert_customised(custom)


def test_packs_do_not_leak_into_other_pipelines(custom, nlp_char):
    assert ("鹏城", "440300") not in findings(nlp_char, ALIAS)["regions"]
    assert "policyie_metrics" not in nlp_char.pipe_names


def test_records_in_memory_are_packs_too():
    nlp = policyie.load(segmenter="char", rules=[PACK])
    assert_customised(nlp)


def test_component_add_rules_takes_records_with_or_without_dimension():
    nlp = build("char")   # a private pipeline: load() without rules is shared
    nlp.get_pipe("policyie_regions").add_rules([PACK[0]])
    record = {k: v for k, v in PACK[1].items() if k != "dimension"}
    nlp.get_pipe("policyie_industries").add_rules([record])
    assert ("鹏城", "440300") in findings(nlp, ALIAS)["regions"]
    assert findings(nlp, TERM)["industries"][0][1] == "海洋牧场装备"


def test_component_add_rules_rejects_another_dimension():
    nlp = build("char")   # a private pipeline: load() without rules is shared
    with pytest.raises(RuleError, match="field 'dimension'"):
        nlp.get_pipe("policyie_regions").add_rules([PACK[1]], source="mine.jsonl")


def test_customised_pipeline_saves_and_loads(custom, tmp_path):
    custom.to_disk(tmp_path / "pipeline")
    saved = [json.loads(line) for line in
             (tmp_path / "pipeline" / "policyie_metrics" / "rules.jsonl").read_text(encoding="utf-8").splitlines()]
    assert saved == [{"text": "研发经费投入强度", "units": ["%"]}]
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == custom.pipe_names
    assert_customised(loaded)


def test_extract_many_in_worker_processes_applies_the_rules(tmp_path):
    pack = write_pack(tmp_path / "pack.jsonl", PACK)
    texts = [ALIAS, TERM, UNIT, CUE, METRIC]
    results = list(extract_many(texts, n_process=2, batch_size=2, segmenter="char", rules=[pack]))
    assert [r.regions[0].code for r in results[:1]] == ["440300"]
    assert results[1].industries[0].name == "海洋牧场装备"
    assert results[4].indicators[0].name == "研发经费投入强度"


# -- metric names, on records as the indicator rules leave them ---------------------------

@pytest.fixture(scope="module")
def metrics():
    from policyie.metrics import MetricsComponent

    component = MetricsComponent(build("char"), "policyie_metrics")
    component.add_rules([{"text": "研发经费投入强度", "units": ["%"]}, {"text": "产量"}])
    return component


def metric_name(metrics, text, value_text, name, unit="%", previous_end=0):
    start = text.index(value_text)
    record = {"start": start, "end": start + len(value_text), "unit": unit, "name": name}
    return metrics.name_for(text, record, previous_end, metrics.pattern)


@pytest.mark.parametrize("text, value, name, expected", [
    ("研发经费投入强度提高到2.8%。", "2.8%", "研发经费投入强度提高到", "研发经费投入强度"),   # a verb after goes
    ("新能源汽车年产量增长30%。", "30%", "新能源汽车年产量", "新能源汽车年产量"),            # a qualifier before stays
    ("其中研发经费投入强度2.8%。", "2.8%", "其中", "研发经费投入强度"),                      # a wrong name is replaced
    ("研发经费投入强度在全省靠前，保持在2.6%以上。", "2.6%", None, "研发经费投入强度"),      # no name: the sentence
    ("研发经费投入强度在全省靠前，保持在2.6%以上。", "2.6%", "保持在", "保持在"),            # a name: the clause only
    ("研发经费投入强度达到2.8%。", "2.8%", None, None),                                    # (unit below)
])
def test_metric_names(metrics, text, value, name, expected):
    unit = "万元" if expected is None else "%"
    assert metric_name(metrics, text, value, name, unit=unit) == expected


def test_the_component_renames_indicators_on_a_doc(metrics):
    from policyie.docstate import get_records, put_records

    text = "其中研发经费投入强度2.8%，产量增长5%。"
    doc = build("char").make_doc(text)
    put_records(doc, "indicators", [
        {"text": "2.8%", "start": 10, "end": 14, "unit": "%", "name": "其中"},
        {"text": "5%", "start": 19, "end": 21, "unit": "%", "name": "增长"}], label_field="unit")
    metrics(doc)
    assert [r["name"] for r in get_records(doc, "indicators")] == ["研发经费投入强度", "产量"]


def test_metrics_do_not_reach_across_an_earlier_value(metrics):
    text = "研发经费投入强度2.8%，增长0.2个百分点。"
    assert metric_name(metrics, text, "0.2个百分点", None, unit="百分点", previous_end=text.index("，")) is None


# -- errors -------------------------------------------------------------------------------

BAD_RECORDS = [
    ({"dimension": "regions", "type": "alias", "text": "某城", "code": "999999"}, "code"),
    ({"dimension": "regions", "type": "planet", "text": "火星"}, "type"),
    ({"dimension": "regions", "type": "group", "name": "某圈", "members": ["110000", "123"]}, "members"),
    ({"dimension": "industries", "name": "某产业", "aliases": [], "sector": "未来产业", "category": None,
      "tiers": ["future"], "source": "t"}, "sector"),
    ({"dimension": "industries", "name": "某产业", "aliases": []}, "sector"),
    ({"dimension": "quantities", "type": "unit", "text": "打", "unit": "个", "factor": "twelve"}, "factor"),
    ({"dimension": "quantities", "type": "unit", "text": "打", "family": "dozens"}, "family"),
    ({"dimension": "quantities", "type": "marker", "text": "大概", "approx": "roughly", "position": "before"}, "approx"),
    ({"dimension": "indicators", "cue": "targets", "text": "冲刺"}, "cue"),
    ({"dimension": "indicators", "cue": "target"}, "text"),
    ({"dimension": "indicators", "type": "metric", "text": "产值"}, "type"),
    ({"dimension": "metrics", "text": "产"}, "text"),
    ({"dimension": "metrics", "text": "产值", "unit": "%"}, "unit"),
    ({"dimension": "people", "text": "张三"}, "dimension"),
]


@pytest.mark.parametrize("record, field", BAD_RECORDS, ids=[f"{r['dimension']}-{f}" for r, f in BAD_RECORDS])
def test_invalid_rules_name_file_line_and_field(tmp_path, record, field):
    pack = write_pack(tmp_path / "bad.jsonl", [PACK[0], record])      # line 1 is the comment
    with pytest.raises(RuleError) as caught:
        policyie.load(segmenter="char", rules=[pack])
    error = caught.value
    assert (error.source, error.line, error.field) == (str(pack), 3, field)
    assert str(error).startswith(f"{pack}:3: field {field!r}:")


def test_an_invalid_pack_changes_nothing():
    nlp = build("char")   # a private pipeline: load() without rules is shared
    from policyie.rules import apply_rule_packs

    with pytest.raises(RuleError):
        apply_rule_packs(nlp, [[PACK[0], PACK[4], BAD_RECORDS[0][0]]])
    assert nlp.get_pipe("policyie_regions").rule_records == []
    assert "policyie_metrics" not in nlp.pipe_names


def test_check_rule_accepts_every_shipped_example():
    for record in PACK:
        dimension = record["dimension"]
        check_rule(dimension, {k: v for k, v in record.items() if k != "dimension"})


# -- the command line -----------------------------------------------------------------------

def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_extract_with_rules(tmp_path, capsys):
    pack = write_pack(tmp_path / "pack.jsonl", PACK)
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": ALIAS + METRIC}, ensure_ascii=False) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", "--input", str(source), "--segmenter", "char", "--rules", str(pack))
    assert code == 0
    result = json.loads(out)
    assert result["regions"][0]["code"] == "440300"
    assert result["indicators"][0]["name"] == "研发经费投入强度"


def test_cli_rules_check(tmp_path, capsys):
    good = write_pack(tmp_path / "good.jsonl", PACK)
    code, out, _ = run(capsys, "rules", "check", str(good))
    assert code == 0 and "ok (1 indicators, 1 industries, 1 metrics, 1 quantities, 1 regions)" in out
    bad = write_pack(tmp_path / "bad.jsonl", [BAD_RECORDS[3][0]], comment="")
    code, _, err = run(capsys, "rules", "check", str(bad))
    assert code == 2 and f"{bad}:1: field 'sector':" in err


def test_cli_reports_a_bad_pack_without_a_traceback(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "上海"}\n', encoding="utf-8")
    bad = write_pack(tmp_path / "bad.jsonl", [BAD_RECORDS[0][0]], comment="")
    code, _, err = run(capsys, "extract", "--input", str(source), "--segmenter", "char", "--rules", str(bad))
    assert code == 2 and err.startswith(f"policyie: error: {bad}:1: field 'code':")


# -- installed packs (entry point group policyie.rules) -------------------------------------

@pytest.fixture
def installed_pack(tmp_path, monkeypatch):
    """A distribution 'acme-rules' on sys.path, as pip would leave it, declaring one pack."""
    package = tmp_path / "acme_rules"
    package.mkdir()
    write_pack(package / "pack.jsonl", [PACK[0], PACK[4]])
    (package / "__init__.py").write_text(textwrap.dedent("""
        from importlib import resources

        def pack():
            return resources.files(__name__) / "pack.jsonl"
    """), encoding="utf-8")
    info = tmp_path / "acme_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-rules\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[policyie.rules]\nacme = acme_rules:pack\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    from policyie.api import _shared_pipeline

    _shared_pipeline.cache_clear()
    yield "acme"
    sys.modules.pop("acme_rules", None)
    _shared_pipeline.cache_clear()


def test_installed_packs_are_discovered_and_applied(installed_pack, capsys):
    assert [pack.name for pack in installed_rule_packs()] == ["acme"]
    shared = policyie.load(segmenter="char")
    assert ("鹏城", "440300") in findings(shared, ALIAS)["regions"]
    assert findings(shared, METRIC)["indicators"][0][2] == "研发经费投入强度"
    plain = policyie.load(segmenter="char", installed_rules=False)
    assert ("鹏城", "440300") not in findings(plain, ALIAS)["regions"]
    code, out, _ = run(capsys, "rules", "list")
    assert code == 0 and "acme  (acme-rules: acme_rules:pack)  1 metrics, 1 regions" in out


def test_a_broken_installed_pack_names_its_entry_point(installed_pack, tmp_path):
    (tmp_path / "acme_rules" / "__init__.py").write_text("raise ImportError('oops')\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"entry point 'acme' \(acme-rules: acme_rules:pack\).*ImportError: oops"):
        collect_rules(installed_rule_packs())


def test_no_packs_installed_by_default():
    assert installed_rule_packs() == []


def test_worker_processes_follow_installed_rules(installed_pack):
    kept = list(extract_many([ALIAS], n_process=2, segmenter="char"))
    left_out = list(extract_many([ALIAS], n_process=2, segmenter="char", installed_rules=False))
    assert [r.code for r in kept[0].regions] == ["440300"]
    assert left_out[0].regions == [] or left_out[0].regions[0].code != "440300"
