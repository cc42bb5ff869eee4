"""policyie evaluate: the SPEC section 3 figures, printed exactly as the reference scorer
(../shared/eval/score.py) prints them for the same gold file and predictions."""
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policyie
from policyie.cli import main
from policyie.evaluate import char_overlap_f1, format_figures, pair_greedily, score_documents

ROOT = Path(__file__).resolve().parents[1]
from tests.paths import DEV_SET as DEV, SCORER
needs_scorer = pytest.mark.skipif(not SCORER.is_file(), reason=f"reference scorer not found at {SCORER}")

TEXTS = {
    "g1": ("2023年，广东省新能源汽车产量253万辆，增长8%。", "2024-01-24"),
    "g2": ("上海市集成电路产业规模突破3000亿元，人工智能企业超过300家。", "2024-02-01"),
    "g3": ("全省数字经济增加值占地区生产总值比重达到45%左右。", None),
}


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def gold_file(tmp_path_factory):
    """Gold made from the pipeline's own output, then changed so that every kind of
    record has a miss and a spurious prediction."""
    nlp = policyie.load(segmenter="char")
    lines = []
    for doc_id, (text, date) in TEXTS.items():
        record = policyie.extract(text, date=date, nlp=nlp).model_dump()
        record.update(id=doc_id, text=text, date=date)
        lines.append(record)
    lines[0]["regions"] = []                                   # a spurious region
    lines[0]["indicators"][0]["value"] = 2540000.0             # a miss and a spurious indicator
    lines[0]["indicators"][1]["year"] = 2022                   # a wrong attribute of a match
    lines[1]["industries"].append({"text": "产业", "start": 7, "end": 9, "name": "产业", "sector": "其他"})
    lines[1]["regions"][0]["code"] = "310100"                  # right span, wrong code
    path = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return path


@needs_scorer
def test_figures_are_those_of_the_reference_scorer(gold_file, tmp_path, capsys):
    predictions = tmp_path / "pred.jsonl"
    code, out, _ = run(capsys, "evaluate", str(gold_file), "--segmenter", "char", "--predictions", str(predictions))
    assert code == 0
    reference = subprocess.run([sys.executable, str(SCORER), str(gold_file), str(predictions)],
                               capture_output=True, text=True, check=True).stdout
    assert out == reference
    # the changes above did register: one spurious region, one with the wrong code
    assert "regions                  P=0.000 R=0.000 F1=0.000  (tp=0 pred=2 gold=1)" in out


@needs_scorer
def test_json_figures_are_those_of_the_reference_scorer(gold_file, tmp_path, capsys):
    predictions = tmp_path / "pred.jsonl"
    code, out, _ = run(capsys, "evaluate", str(gold_file), "--segmenter", "char", "--json",
                       "--predictions", str(predictions))
    reference = subprocess.run([sys.executable, str(SCORER), str(gold_file), str(predictions), "--json"],
                               capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == json.loads(reference)


@needs_scorer
@pytest.mark.skipif(not DEV.is_file(), reason=f"dev set not found at {DEV}")
def test_dev_set_figures_equal_the_reference_scorer(tmp_path, capsys):
    predictions = tmp_path / "dev-pred.jsonl"
    code, out, _ = run(capsys, "evaluate", str(DEV), "--predictions", str(predictions))
    assert code == 0
    reference = subprocess.run([sys.executable, str(SCORER), str(DEV), str(predictions)],
                               capture_output=True, text=True, check=True).stdout
    assert out == reference


def test_errors_lists_misses_and_spurious_records_with_context(gold_file, capsys):
    code, out, _ = run(capsys, "evaluate", str(gold_file), "--segmenter", "char", "--errors", "20")
    assert code == 0
    listing = out.split("misses and spurious records:\n", 1)[1].splitlines()
    assert any(line.startswith("g1  region    spurious '广东省'") for line in listing)
    assert any(line.startswith("g1  indicator missed   '253万辆'") and "value=2540000.0" in line for line in listing)
    assert any(line.startswith("g1  indicator spurious '253万辆'") and "【253万辆】" in line for line in listing)
    assert any(line.startswith("g2  industry  missed   '产业'") for line in listing)
    assert any(line.startswith("g2  region    missed   '上海市'") and "code=310100" in line for line in listing)


def test_errors_are_capped(gold_file, capsys):
    _, out, _ = run(capsys, "evaluate", str(gold_file), "--segmenter", "char", "--errors", "2")
    assert len(out.split("misses and spurious records:\n", 1)[1].splitlines()) == 2


@pytest.mark.parametrize("line, message", [
    ('{"id": "x", "text": "广东"', "not JSON"),
    ('{"id": "x"}', "'text' is missing"),
    ('{"id": "x", "text": "广东", "regions": [{"start": "0"}]}', "'regions' must be a list of records"),
])
def test_invalid_gold_lines_are_reported_with_their_number(tmp_path, capsys, line, message):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "ok", "text": "上海"}\n' + line + "\n", encoding="utf-8")
    code, _, err = run(capsys, "evaluate", str(gold), "--segmenter", "char")
    assert code == 2 and f"gold.jsonl:2: " in err and message in err


# -- the scorer against the reference on generated documents --------------------------------

def load_reference():
    spec = importlib.util.spec_from_file_location("reference_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


spans = st.tuples(st.integers(0, 12), st.integers(1, 4)).map(lambda s: {"start": s[0], "end": s[0] + s[1]})
regions = st.builds(lambda span, code: {**span, "text": "x" * (span["end"] - span["start"]), "code": code},
                    spans, st.sampled_from(["440000", "440100", None, ""]))
industries = st.builds(lambda span, name, sector: {**span, "name": name, "sector": sector},
                       spans, st.sampled_from(["人工智能", "氢能"]), st.sampled_from(["其他", "新能源产业"]))
indicators = st.builds(
    lambda span, value, unit, kind, year, region, name: {**span, "value": value, "unit": unit, "kind": kind,
                                                         "approx": "exact", "target": year == 2025, "year": year,
                                                         "region": region, "name": name},
    spans, st.sampled_from([1.0, 1.0000001, 2.5, -2.5]), st.sampled_from(["%", "元", "", None]),
    st.sampled_from(["level", "growth"]), st.sampled_from([2024, 2025, None]),
    st.sampled_from(["440000", None]), st.sampled_from(["产值", "地区生产总值", "", None]))
documents = st.dictionaries(
    st.sampled_from(["a", "b", "c"]),
    st.fixed_dictionaries({"regions": st.lists(regions, max_size=4), "industries": st.lists(industries, max_size=4),
                           "indicators": st.lists(indicators, max_size=4)}),
    max_size=3)


@needs_scorer
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gold=documents, predicted=documents)
def test_scorer_agrees_with_the_reference_on_any_documents(gold, predicted):
    reference = load_reference()
    expected, _ = reference.score(gold, predicted)
    figures, _ = score_documents(gold, predicted)
    assert figures == expected


def test_pairing_is_greedy_in_gold_order():
    golds = [{"start": 0, "end": 4}, {"start": 2, "end": 3}]
    preds = [{"start": 2, "end": 3}, {"start": 0, "end": 1}]
    overlap = lambda a, b: a["start"] < b["end"] and b["start"] < a["end"]   # noqa: E731
    # the first gold takes the first overlapping prediction, leaving the second gold nothing
    assert pair_greedily(golds, preds, overlap) == [(golds[0], preds[0])]


def test_char_overlap_f1():
    assert char_overlap_f1("", "") == 1.0
    assert char_overlap_f1("产值", "") == 0.0
    assert char_overlap_f1("地区生产总值", "生产总值") == pytest.approx(2 * 1 * (4 / 6) / (1 + 4 / 6))


def test_figure_lines_have_the_reference_layout():
    lines = format_figures({"documents": 2, "regions": {"p": 1.0, "r": 0.5, "f1": 0.6667, "tp": 1, "pred": 1,
                                                        "gold": 2}, "industries_name_acc": None})
    assert lines == ["documents                2",
                     "regions                  P=1.000 R=0.500 F1=0.667  (tp=1 pred=1 gold=2)",
                     "industries_name_acc      None"]
