"""A whole work report, end to end (tests/indicators/data/report.txt, written for this test): the
review section gives results of the year before the report, the plan section targets of its year."""
from pathlib import Path

import pytest

import policyie

REPORT = (Path(__file__).parent / "data" / "report.txt").read_text(encoding="utf-8")
PLAN_STARTS = REPORT.index("二、2025年工作安排")


@pytest.fixture(scope="module")
def indicators(nlp):
    return policyie.extract(REPORT, nlp=nlp).indicators     # no date: the delivery line gives 2025


def test_every_value_of_the_report_is_an_indicator(indicators):
    assert len(indicators) == 73
    assert not any("年" == r.unit and r.value > 1900 for r in indicators)


def test_the_review_reports_results_of_the_year_before(indicators):
    review = [r for r in indicators if r.start < PLAN_STARTS]
    assert review and all(r.year == 2024 and r.target is False for r in review)


def test_the_plan_sets_targets_of_the_report_year(indicators):
    plan = [r for r in indicators if r.start > PLAN_STARTS]
    assert {(r.year, r.target) for r in plan} == {(2025, True), (2027, True)}
    assert [r.text for r in plan if r.year == 2027] == ["12%"]


@pytest.mark.parametrize("text, kind, name", [
    ("5.6%", "growth", "地区生产总值"),
    ("286.5亿元", "level", "一般公共预算收入"),
    ("4.9%", "growth", "城镇居民人均可支配收入"),
    ("6.8%", "growth", "农村居民人均可支配收入"),
    ("31.5%", "share", "制造业增加值占地区生产总值比重"),
    ("3.1个百分点", "difference", "高技术制造业增加值"),
    ("218家", "growth", "国家高新技术企业"),
    ("第3位", "rank", "总数"),
    ("12.6亿元", "level", "中央预算内投资"),
    ("11.2%", "growth", "企业"),
    ("0.9亿斤", "growth", "粮食总产量"),
    ("2.4个百分点", "growth", "空气质量优良天数比例"),
    ("80%以上", "share", "民生支出占一般公共预算支出的比重"),
    ("5.5%以内", "level", "城镇调查失业率"),
    ("3000套", "level", "保障性租赁住房"),
])
def test_kinds_and_names(indicators, text, kind, name):
    record = next(r for r in indicators if r.text == text)
    assert (record.kind, record.name) == (kind, name)
