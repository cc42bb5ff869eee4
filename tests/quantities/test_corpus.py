"""Example corpus: each sentence of tests/corpus/quantities.jsonl with the quantities it holds.

Every case states all the quantities of its sentence, in order; ``expect: []``
cases state that nothing in the sentence is a quantity.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from policyie.quantities import QuantityGrammar

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "quantities.jsonl"


def _cases() -> list[dict]:
    with CORPUS.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


CASES = _cases()


@pytest.fixture(scope="module")
def grammar() -> QuantityGrammar:
    return QuantityGrammar.default()


def test_corpus_is_large_and_varied():
    assert len(CASES) >= 300
    assert sum(1 for case in CASES if not case["expect"]) >= 80
    units = {expected["unit"] for case in CASES for expected in case["expect"]}
    assert {"元", "美元", "%", "‰", "百分点", "倍", "位", "个", "家", "吨", "千瓦", "年", "月", ""} <= units
    approx = {expected["approx"] for case in CASES for expected in case["expect"]}
    assert approx == {"exact", "about", "more_than", "at_least", "nearly", "less_than", "at_most"}


def _same(found, expected) -> bool:
    return (found.text == expected["text"]
            and math.isclose(found.value, expected["value"], rel_tol=1e-9, abs_tol=1e-12)
            and found.unit == expected["unit"]
            and found.approx == expected["approx"]
            and (found.upper is None) == (expected.get("upper") is None)
            and (found.upper is None or math.isclose(found.upper, expected["upper"], rel_tol=1e-9))
            and found.kind_hint == expected.get("kind_hint"))


def _show(found) -> str:
    return (f"{found.text!r} value={found.value!r} unit={found.unit!r} approx={found.approx} "
            f"upper={found.upper!r} kind_hint={found.kind_hint!r}")


@pytest.mark.parametrize("case", CASES, ids=[case["text"][:24] for case in CASES])
def test_corpus_case(grammar, case):
    text = case["text"]
    found = grammar.find(text)
    for quantity in found:
        assert text[quantity.start:quantity.end] == quantity.text
    expected = case["expect"]
    message = (f"{text}\n  note: {case.get('note', '')}\n  found:    {[_show(q) for q in found]}\n"
               f"  expected: {expected}")
    assert len(found) == len(expected), message
    for quantity, wanted in zip(found, expected):
        assert _same(quantity, wanted), message


MARKERS = ["约", "左右", "上下", "超", "超过", "逾", "余", "多", "以上", "不低于", "不少于", "近", "接近", "将近",
           "不到", "不足", "以下", "以内", "不超过", "过万亿", "亿级"]


@pytest.mark.parametrize("marker", MARKERS)
def test_every_marker_has_an_example(marker):
    assert any(marker in expected["text"] for case in CASES for expected in case["expect"]), marker


def test_every_unit_family_has_an_example(grammar):
    families = {record["family"] for record in grammar.records if record.get("type") == "unit"}
    units_by_family = {}
    for record in grammar.records:
        if record.get("type") == "unit":
            units_by_family.setdefault(record["family"], set()).add(record["unit"])
    expected_units = {expected["unit"] for case in CASES for expected in case["expect"]}
    for family in families - {"date"}:
        assert units_by_family[family] & expected_units, family
    date_units = units_by_family["date"]
    assert any(unit in case["text"] for case in CASES if not case["expect"] for unit in date_units)
