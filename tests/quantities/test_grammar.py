"""The grammar's API: records, rule packs, offsets, the number layer, odd inputs."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from policyie.quantities import Quantity, QuantityGrammar

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "quantities.jsonl"


@pytest.fixture(scope="module")
def grammar() -> QuantityGrammar:
    return QuantityGrammar.default()


def test_quantity_is_a_frozen_record(grammar):
    quantity = grammar.find("产量253万辆")[0]
    assert quantity == Quantity(2, 7, "253万辆", 2530000.0, "辆", "exact", None, None)
    with pytest.raises(AttributeError):
        quantity.value = 1.0
    assert not hasattr(quantity, "__dict__")          # no per-record dict
    assert quantity._replace(value=1.0).value == 1.0 and quantity.value == 2530000.0


def test_offsets_point_into_the_original_text(grammar):
    text = "全年增长１２．５％，投资１３．５７万亿元，高于全国0.3个百分点。"
    found = grammar.find(text)
    assert [q.text for q in found] == ["１２．５％", "１３．５７万亿元", "0.3个百分点"]
    for quantity in found:
        assert text[quantity.start:quantity.end] == quantity.text


def test_results_are_sorted_and_do_not_overlap(grammar):
    text = "".join(json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines())
    found = grammar.find(text)
    assert len(found) > 300
    for before, after in zip(found, found[1:]):
        assert before.end <= after.start


def test_default_gives_independent_grammars():
    first, second = QuantityGrammar.default(), QuantityGrammar.default()
    first.add_rules([{"type": "unit", "text": "吨油当量", "unit": "吨油当量", "family": "physical"}])
    text = "能源消费5万吨油当量"
    assert [q.unit for q in first.find(text)] == ["吨油当量"]
    assert [q.unit for q in second.find(text)] == ["吨"]
    assert [q.unit for q in QuantityGrammar.default().find(text)] == ["吨"]


def test_add_unit_with_factor():
    grammar = QuantityGrammar.default()
    text = "新增泊位3打"
    assert grammar.find(text) == []
    grammar.add_rules([{"type": "unit", "text": "打", "unit": "个", "factor": 12, "family": "count"}])
    assert [(q.text, q.value, q.unit) for q in grammar.find(text)] == [("3打", 36.0, "个")]


def test_add_marker_and_stopword():
    grammar = QuantityGrammar.default()
    assert [(q.text, q.approx) for q in grammar.find("占比大概30%")] == [("30%", "exact")]
    grammar.add_rules([{"type": "marker", "text": "大概", "approx": "about", "position": "before"}])
    assert [(q.text, q.approx) for q in grammar.find("占比大概30%")] == [("大概30%", "about")]
    text = "不能三天打鱼两天晒网"
    assert [q.text for q in grammar.find(text)] == ["三天", "两天"]
    grammar.add_rules([{"type": "stopword", "text": "三天打鱼两天晒网"}])
    assert grammar.find(text) == []


def test_grammar_built_from_records_only_knows_them():
    grammar = QuantityGrammar(units=[{"type": "unit", "text": "家", "family": "count"}])
    assert [(q.text, q.unit) for q in grammar.find("新增12家，增长5%")] == [("12家", "家")]


@pytest.mark.parametrize("record", [
    {"type": "colour", "text": "红"},
    {"type": "unit"},
    {"type": "marker", "text": "约", "approx": "roughly", "position": "before"},
    {"type": "marker", "text": "约", "approx": "about", "position": "around"},
    {"type": "cue", "cue": "weather", "text": "晴"},
])
def test_bad_records_are_refused(record):
    with pytest.raises(ValueError):
        QuantityGrammar.default().add_rules([record])


@pytest.mark.parametrize("record", [
    {"type": "unit", "text": "打", "factor": "twelve"},
    {"type": "unit", "text": "打", "factor": "NaN"},
    {"type": "unit", "text": "打", "factor": 0},
    {"type": "unit", "text": "打", "factor": True},
    {"type": "unit", "text": "打", "plus": [1]},
    {"type": "unit", "text": "打", "family": "weight"},
    {"type": "unit", "text": "打", "kind_hint": "level"},
    {"type": "unit", "text": "打", "not_before": 5},
    {"type": "unit", "text": "打", "requires": "always"},
    {"type": "marker", "text": "约", "approx": "about", "position": "before", "not_after": ["节"]},
    {"type": "cue", "cue": "scale_verb", "text": "冲破", "approx": "a lot"},
    {"type": "label_after", "text": "方面", "families": "count"},
    {"type": "title_before", "text": "增长", "units": [""]},
    {"type": "currency_symbol", "text": "₩"},
    {"type": "multiplier", "text": "兆"},
    {"type": "stopword", "text": "  "},
    "一些",
])
def test_every_field_is_checked(record):
    with pytest.raises(ValueError):
        QuantityGrammar.default().add_rules([record])


def test_a_bad_record_leaves_the_grammar_as_it_was():
    grammar = QuantityGrammar.default()
    before = grammar.records
    good = {"type": "unit", "text": "打", "unit": "个", "factor": 12}
    bad = {"type": "unit", "text": "吨油当量", "family": "physical", "factor": "x"}  # passes the type check
    with pytest.raises(ValueError):
        grammar.add_rules([good, bad])
    assert grammar.records == before
    assert grammar.find("新增泊位3打，消费5万吨油当量") == grammar.find("新增泊位3打，消费5万吨油当量")
    assert [q.text for q in grammar.find("新增泊位3打，消费5万吨油当量")] == ["5万吨"]


def test_rules_are_compiled_once_however_many_calls_add_them(monkeypatch):
    from policyie.quantities import grammar as module

    built = []
    original = module._Rules

    def counting(entries):
        built.append(1)
        return original(entries)

    monkeypatch.setattr(module, "_Rules", counting)
    grammar = QuantityGrammar.default()
    for number in range(300):
        grammar.add_rules([{"type": "unit", "text": f"单位{number}号", "unit": "个"}])
    assert built == []
    assert [q.unit for q in grammar.find("新增3单位7号，增长5%")] == ["个", "%"]
    grammar.find("增长5%")
    assert built == [1]


def test_record_types_and_cue_kinds_are_public():
    from policyie.quantities.grammar import CUE_KINDS, RECORD_TYPES
    from policyie.rules import check_rule

    assert {"unit", "marker", "cue", "stopword"} <= RECORD_TYPES
    assert {"money", "rank", "rank_scope", "money_after"} <= CUE_KINDS
    check_rule("quantities", {"type": "cue", "cue": "rank_scope", "text": "全盟"})


def test_shipped_records_are_immutable():
    grammar = QuantityGrammar.default()
    with pytest.raises(TypeError):
        grammar.records[0]["text"] = "x"


def test_data_files_are_valid_jsonl():
    data = Path(__file__).resolve().parents[2] / "policyie" / "quantities" / "data"
    for path in data.glob("*.jsonl"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            record = json.loads(line)
            assert record.get("type") and record.get("text"), f"{path.name}:{number}"


def test_number_layer(grammar):
    numbers = grammar.find_numbers("2023年增长5.2%，投资一千五百万元，约占三分之一")
    assert [(n.text, n.value) for n in numbers] == [
        ("2023", Decimal(2023)), ("5.2", Decimal("5.2")), ("一千五百万", Decimal(15000000)),
        ("三分之一", Decimal(1) / 3)]


def test_value_is_exact_before_becoming_a_float(grammar):
    assert grammar.find("投资16.4亿元")[0].value == 1640000000.0
    assert grammar.find("13.57万亿元")[0].value == 13570000000000.0


# ---------------------------------------------------------------------------
# Inputs that would blow up a backtracking or quadratic reader.  Their time is
# measured by benchmarks/quantities_speed.py (--pathological), not here: the
# project has no timed unit tests.

PATHOLOGICAL = [
    "五六七八九十" * 5000 + "个",                  # one long run that does not parse, then a unit
    "1,2,3,4,5," * 5000,
    "万" * 20000 + "元",
    "十" * 20000 + "家",
    "5-" * 20000 + "6万",
    "三分之" * 10000,
    "连续 " * 10000 + "3年",
    "每" * 10000 + "4辆就有1辆",
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=range(len(PATHOLOGICAL)))
def test_pathological_input_is_read(grammar, text):
    for quantity in grammar.find(text):
        assert text[quantity.start:quantity.end] == quantity.text
    for number in grammar.find_numbers(text):
        assert text[number.start:number.end] == number.text


def test_docstring_examples():
    import doctest

    import policyie.quantities as package
    from policyie.quantities import grammar as grammar_module, numerals

    for module in (package, numerals, grammar_module):
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__
        assert result.attempted > 0, module.__name__


try:
    from hypothesis import given, settings, strategies as st
except ImportError:  # pragma: no cover
    given = None

if given is not None:
    _ALPHABET = list("0123456789０１.,，%％-—~至到 一二两三四五六七八九十百千万亿兆零点半几余多分之第前每就有翻番强成折"
                     "个项家元美吨亩年月日天位名倍约超近逾以上下左右内不足到过连续居榜首首位/:：（）。、负$￥abcG")

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=_ALPHABET, max_size=40))
    def test_find_never_fails_and_keeps_its_promises(text):
        grammar = QuantityGrammar.default()
        found = grammar.find(text)
        previous_end = 0
        for quantity in found:
            assert text[quantity.start:quantity.end] == quantity.text
            assert quantity.start >= previous_end and quantity.end > quantity.start
            previous_end = quantity.end
            assert quantity.approx in ("exact", "about", "more_than", "at_least", "nearly", "less_than", "at_most")
            assert quantity.value == quantity.value and abs(quantity.value) != float("inf")
            assert quantity.upper is None or quantity.upper > quantity.value
        for number in grammar.find_numbers(text):
            assert text[number.start:number.end] == number.text


def test_values_beyond_float_are_dropped(grammar):
    assert [q.text for q in grammar.find("9" * 400 + "家，增长5%")] == ["5%"]
