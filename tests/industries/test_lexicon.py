"""The shipped industry data: every record valid, the lists the taxonomy promises, clear errors."""
from __future__ import annotations

import json

import pytest

from policyie.industries.lexicon import (
    LEXICON_PATH, SECTORS, LexiconError, known_categories, parse_term, parse_terms, read_grammar,
    read_json, read_lexicon, read_nonterms, source_ids, TAXONOMY_PATH,
)
from policyie.industries.tagger import IndustryTagger

NINE_SECTORS = ["新一代信息技术产业", "高端装备制造产业", "新材料产业", "生物产业", "新能源汽车产业",
                "新能源产业", "节能环保产业", "数字创意产业", "相关服务业"]


@pytest.fixture(scope="module")
def terms():
    return read_lexicon()


def test_every_lexicon_line_validates_and_there_are_500_terms(terms):
    lines = [line for line in LEXICON_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(terms) == len(lines)
    assert len(terms) >= 500


def test_every_line_is_one_json_object_with_the_documented_fields():
    for number, line in enumerate(LEXICON_PATH.read_text(encoding="utf-8").splitlines(), 1):
        record = json.loads(line)
        assert {"name", "aliases", "sector", "category", "tiers", "source"} <= set(record), number


def test_shipped_terms_name_their_source_list_and_a_known_category(terms):
    ids = source_ids()
    for term in terms:
        assert term.source in ids, term.name
        assert term.category is None or term.category in known_categories(), term.name


def test_sector_and_tiers_agree(terms):
    for term in terms:
        if term.sector == "其他":
            assert "strategic_emerging" not in term.tiers, term.name
        else:
            assert "strategic_emerging" in term.tiers, term.name


def test_spec_canonical_names(terms):
    tagger = IndustryTagger.default()
    expected = {"量子技术": "量子科技", "量子信息": "量子科技", "核聚变能": "聚变能源", "第六代移动通信": "6G",
                "电动汽车": "新能源汽车", "新能源车": "新能源汽车", "新能源整车": "新能源汽车",
                "新一代人工智能": "人工智能", "智算": "智能算力", "AI": "人工智能",
                "新能源关键零部件": "新能源汽车零部件"}
    for surface, name in expected.items():
        assert tagger.term(surface).name == name, surface


def test_spec_traditional_industries_are_terms_of_sector_other():
    tagger = IndustryTagger.default()
    for word in ["旅游", "文旅", "化工", "钢铁", "汽车", "种业", "磷化工", "装备制造", "餐饮", "物流", "快递",
                 "纺织", "建材", "冷链物流"]:
        term = tagger.term(word)
        assert term is not None and term.sector == "其他", word


def test_non_terms_are_never_lexicon_strings(terms):
    surfaces = {surface for term in terms for surface in term.surfaces}
    nonterms = set(read_nonterms())
    assert not surfaces & nonterms
    for word in ["农业", "工业", "制造业", "服务业", "第三产业", "现代农业", "实体经济", "民营经济", "外向型经济",
                 "战略性新兴产业", "未来产业", "新兴产业", "传统产业", "先进制造业", "现代服务业",
                 "高新技术产业", "高技术产业", "高精尖产业"]:
        assert word in nonterms, word


def test_taxonomy_lists():
    taxonomy = read_json(TAXONOMY_PATH)
    assert [c["name"] for c in taxonomy["strategic_emerging"]["categories"]] == NINE_SECTORS
    assert list(SECTORS) == NINE_SECTORS + ["其他"]
    assert sum(len(c["subcategories"]) for c in taxonomy["strategic_emerging"]["categories"]) == 40
    assert [d["name"] for d in taxonomy["future"]["directions"]] == [
        "未来制造", "未来信息", "未来材料", "未来能源", "未来空间", "未来健康"]
    assert all(d["fields"] for d in taxonomy["future"]["directions"])
    assert [c["name"] for c in taxonomy["digital"]["categories"]] == [
        "数字产品制造业", "数字产品服务业", "数字技术应用业", "数字要素驱动业", "数字化效率提升业"]
    for part in ("strategic_emerging", "future", "digital"):
        assert taxonomy[part]["source"] in taxonomy["sources"]
    assert set(taxonomy["tiers"]) == {"strategic_emerging", "future", "digital", "traditional"}


def test_grammar_lists_are_strings():
    grammar = read_grammar()
    for key in ("generic_heads", "strong_heads", "modifiers", "domain_prefixes", "coordinators",
                "name_suffixes", "title_suffixes", "goods_cues"):
        assert grammar[key] and all(isinstance(w, str) and w for w in grammar[key]), key


GOOD = {"name": "类脑芯片", "aliases": ["神经形态芯片"], "sector": "新一代信息技术产业",
        "category": "人工智能", "tiers": ["strategic_emerging", "future"], "source": "my plan"}


@pytest.mark.parametrize("change, field", [
    ({"sector": "芯片产业"}, "sector"),
    ({"tiers": ["emerging"]}, "tiers"),
    ({"tiers": []}, "tiers"),
    ({"category": "芯片类"}, "category"),
    ({"aliases": "神经形态芯片"}, "aliases"),
    ({"aliases": ["类"]}, "aliases"),
    ({"name": ""}, "name"),
    ({"name": 5}, "name"),
    ({"since": "2024"}, "since"),
    ({"goods": "yes"}, "goods"),
    ({"colour": "red"}, "colour"),
])
def test_an_invalid_record_names_its_field(change, field):
    with pytest.raises(LexiconError) as error:
        parse_term({**GOOD, **change}, source="pack.jsonl", line=7)
    assert error.value.field == field
    assert "pack.jsonl:7" in str(error.value) and repr(field) in str(error.value)


def test_a_missing_field_is_named():
    record = dict(GOOD)
    del record["tiers"]
    with pytest.raises(LexiconError) as error:
        parse_term(record)
    assert error.value.field == "tiers"


def test_an_invalid_line_in_a_file_names_file_line_and_field(tmp_path):
    path = tmp_path / "lexicon.jsonl"
    bad = dict(GOOD, name="光子芯片", aliases=[], sector="光子产业")
    path.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n\n" + json.dumps(bad, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    with pytest.raises(LexiconError) as error:
        read_lexicon(path)
    assert (error.value.source, error.value.line, error.value.field) == (str(path), 3, "sector")


def test_a_line_that_is_not_json_is_located(tmp_path):
    path = tmp_path / "lexicon.jsonl"
    path.write_text("{\"name\": \n", encoding="utf-8")
    with pytest.raises(LexiconError) as error:
        read_lexicon(path)
    assert error.value.line == 1


def test_a_string_naming_two_terms_is_an_error():
    other = dict(GOOD, name="神经形态计算", aliases=["神经形态芯片"])
    with pytest.raises(LexiconError) as error:
        parse_terms([GOOD, other], source="pack", first_line=1)
    assert error.value.line == 2 and error.value.field == "aliases"


def test_one_character_terms_always_need_a_head():
    term = parse_term(dict(GOOD, name="锑", aliases=[]))
    assert term.needs_head


def test_heads_must_be_a_list_of_strings():
    term = parse_term(dict(GOOD, needs_head=True, heads=["大省", "资源"]))
    assert term.heads == ("大省", "资源")
    for bad in ("大省", [1], [""]):
        with pytest.raises(LexiconError) as error:
            parse_term(dict(GOOD, heads=bad))
        assert error.value.field == "heads"


def test_needs_head_aliases_must_be_aliases():
    record = dict(GOOD, aliases=["神经形态芯片", "类脑"], needs_head_aliases=["类脑"])
    assert parse_term(record).needs_head_aliases == ("类脑",)
    for bad in ("类脑", ["类脑计算"]):
        with pytest.raises(LexiconError) as error:
            parse_term(dict(record, needs_head_aliases=bad))
        assert error.value.field == "needs_head_aliases"


def test_a_needs_head_alias_needs_a_head_and_keeps_the_name():
    tagger = IndustryTagger.default()
    assert tagger.term("量子").needs_head and not tagger.term("量子科技").needs_head
    assert tagger.term("量子").name == "量子科技"
    assert sum(term.name == "量子科技" for term in tagger.terms()) == 1
