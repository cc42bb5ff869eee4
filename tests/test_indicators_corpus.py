"""End-to-end indicator examples (tests/corpus/indicators.jsonl), Duckling style.

Each case lists every indicator of its text, in order; only the fields a case
names are compared, so a case says exactly what it tests.  A case with
``expect: []`` says that nothing in its text is an indicator.  The sentences
are written for these tests (report, communiqué, plan and news styles), none
is taken from the evaluation set.
"""
import json
from pathlib import Path

import pytest

import policyie
from policyie.indicators.engine import unit_families

CORPUS = Path(__file__).parent / "corpus" / "indicators.jsonl"
CASES = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
EXPECTED = [expected for case in CASES for expected in case["expect"]]


def compare(expected: dict, record) -> dict:
    """The fields of ``expected`` that ``record`` gets wrong."""
    wrong = {}
    for field, value in expected.items():
        actual = getattr(record, field)
        if field in ("value", "upper") and value is not None and actual is not None:
            if abs(actual - value) > 1e-6 * max(1.0, abs(value)):
                wrong[field] = actual
        elif actual != value:
            wrong[field] = actual
    return wrong


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:24] for c in CASES])
def test_indicator_example(nlp, case):
    result = policyie.extract(case["text"], date=case.get("date"), nlp=nlp)
    assert [r.text for r in result.indicators] == [e["text"] for e in case["expect"]]
    for expected, record in zip(case["expect"], result.indicators):
        assert compare(expected, record) == {}, (expected["text"], case.get("note"))


def _values(field: str) -> set:
    return {expected[field] for expected in EXPECTED if field in expected}


def test_the_corpus_is_large():
    assert len(CASES) >= 300 and len(EXPECTED) >= 400
    assert sum(1 for case in CASES if not case["expect"]) >= 20


def test_the_corpus_covers_every_kind_and_approximation():
    assert _values("kind") == {"level", "growth", "share", "difference", "rank"}
    assert _values("approx") == {"exact", "about", "more_than", "at_least", "nearly", "less_than", "at_most"}


def test_the_corpus_covers_every_unit_family():
    families = unit_families()
    covered = {families.get(unit, "bare" if unit == "" else None) for unit in _values("unit")}
    assert {"money", "percent", "ratio", "count", "time", "age", "physical", "rank", "bare"} <= covered
    assert {"元", "美元", "%", "‰", "百分点", "倍", "位", "标箱", "公里/小时", "千瓦时", "EFlops"} <= _values("unit")


APPROXIMATION_MARKERS = ["约", "左右", "上下", "超", "超过", "逾", "余", "多", "以上", "不低于", "不少于", "近", "接近",
                         "将近", "不到", "不足", "以下", "以内", "不超过"]


@pytest.mark.parametrize("marker", APPROXIMATION_MARKERS)
def test_every_approximation_marker_has_an_example(marker):
    assert any(marker in expected["text"] and expected.get("approx", "exact") != "exact" for expected in EXPECTED)


def test_the_corpus_covers_the_year_target_region_and_name_rules():
    assert None in _values("year") and len(_values("year") - {None}) >= 8
    assert _values("target") == {True, False}
    assert {None, "100000"} <= _values("region") and len(_values("region")) >= 8
    assert None in _values("name") and len(_values("name")) >= 200
    dates = {case["date"] for case in CASES}
    assert any(d and len(d) == 4 for d in dates) and any(d and len(d) == 7 for d in dates)
    assert any(d and len(d) == 10 for d in dates) and None in dates
