"""Unit tests of the indicator rules, without spaCy: the cue scan, years and sections, names, and
the builder on quantities given by hand."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from policyie.indicators.cues import CUE_LISTS, Cues, CueScanner, default_cues
from policyie.indicators.document import DocContext, Frame, YearReader
from policyie.indicators.engine import IndicatorBuilder, unit_families
from policyie.quantities import QuantityGrammar


@pytest.fixture(scope="module")
def grammar():
    return QuantityGrammar.default()


def quantity_in(text, span, value, unit, **fields):
    """A quantity as the grammar would give it, for tests that must not depend on the grammar."""
    start = text.index(span)
    return SimpleNamespace(start=start, end=start + len(span), text=span, value=value, unit=unit,
                           approx=fields.get("approx", "exact"), upper=fields.get("upper"),
                           kind_hint=fields.get("kind_hint"))


def build(grammar, text, date=None, regions=(), builder=None, region_at=None):
    builder = builder or IndicatorBuilder()
    return builder.build(text, grammar.find(text), date=date, regions=list(regions), region_at=region_at)


def by_text(records):
    return {r["text"]: r for r in records}


# -- cue data and the scan ---------------------------------------------------------------

def test_every_cue_list_is_in_the_data_file():
    cues = default_cues()
    assert all(cues[name] for name in CUE_LISTS)
    assert cues.table("relative_years")["去年"] == -1 and cues.table("plan_ends")["十四五"] == 2025


def test_the_scan_takes_the_longest_word_at_each_position():
    scanner = CueScanner({"growth": ["增长"], "not_growth": ["增长到"], "cue_blockers": ["居民"],
                          "result_verbs": ["居"]})
    text = "居民收入增长到5万元，居全国第一"
    words = [(hit.word, sorted(hit.roles)) for hit in scanner.scan(text, 0, len(text))]
    assert words == [("居民", ["cue_blockers"]), ("增长到", ["not_growth"]), ("居", ["result_verbs"])]


def test_the_scan_skips_holes_and_respects_its_bounds():
    scanner = CueScanner({"growth": ["增长"]})
    text = "增长增长增长"
    assert [h.start for h in scanner.scan(text, 0, len(text), holes=[(2, 4)])] == [0, 4]
    assert [h.start for h in scanner.scan(text, 1, 5)] == [2]


def test_a_word_in_several_lists_has_every_role():
    scanner = CueScanner({"growth": ["新增"], "result_verbs": ["新增"]})
    (hit,) = scanner.scan("新增", 0, 2)
    assert hit.roles == {"growth", "result_verbs"}


def test_cue_lists_reject_bad_data():
    with pytest.raises(ValueError):
        Cues.from_mapping({"growth": ["增长", ""]})
    with pytest.raises(ValueError):
        default_cues().with_word("no_such_list", "词")
    with pytest.raises(ValueError):
        default_cues().with_word("target", "")


def test_with_word_returns_a_new_cue_set():
    cues = default_cues()
    more = cues.with_word("target", "冲刺")
    assert "冲刺" in more["target"] and "冲刺" not in cues["target"]
    assert [h.word for h in more.scanner.scan("冲刺", 0, 2)] == ["冲刺"]


# -- rule packs ----------------------------------------------------------------------------

def test_add_rules_extends_a_list(grammar):
    text = "全区工业产值冲刺200亿元。"
    builder = IndicatorBuilder()
    assert build(grammar, text, builder=builder)[0]["target"] is False
    builder.add_rules([{"cue": "target", "text": "冲刺"}])
    assert build(grammar, text, builder=builder)[0]["target"] is True


def test_add_rules_names_the_missing_field():
    builder = IndicatorBuilder()
    with pytest.raises(KeyError, match="cue"):
        builder.add_rules([{"text": "冲刺"}])
    with pytest.raises(KeyError, match="text"):
        builder.add_rules([{"cue": "target"}])


def test_a_rule_pack_verb_cuts_names(grammar):
    text = "清查隐患点位1200个。"
    builder = IndicatorBuilder()
    assert build(grammar, text, builder=builder)[0]["name"] == "清查隐患点位"
    builder.add_rules([{"cue": "verbs", "text": "清查"}])
    assert build(grammar, text, builder=builder)[0]["name"] == "隐患点位"


# -- years and sections ----------------------------------------------------------------------

def test_year_expressions():
    reader = YearReader(default_cues(), 2025)
    years = [(m.year, m.baseline, m.deadline) for m in reader.marks(
        "2021年到2024年，比上年增长；到2027年；“十四五”末；去年；2019年同期；截至2024年底")]
    assert years == [(2024, False, False), (2024, True, False), (2027, False, True), (2025, False, False),
                     (2024, False, False), (2019, True, False), (2024, False, False)]


def test_relative_years_need_a_document_year():
    assert [m.year for m in YearReader(default_cues(), None).marks("去年增长5%，2023年增长6%")] == [2023]


@pytest.mark.parametrize("date, year", [("2025", 2025), ("2025-01", 2025), ("2025-01-15", 2025), (None, None)])
def test_the_document_year_from_any_date_form(date, year):
    assert DocContext("去年全市增长5%。", date, default_cues()).year == year


def test_a_report_is_recognised_by_its_opening():
    cues = default_cues()
    assert DocContext("各位代表：\n现在，我代表市人民政府向大会报告工作。", None, cues).is_report
    assert DocContext("过去一年，全市经济稳中有进。", None, cues).is_report
    assert DocContext("2024年工作回顾\n全市经济稳中有进。", None, cues).is_report
    assert not DocContext("记者从市统计局获悉，全市经济稳中有进。", None, cues).is_report


def test_the_report_title_gives_the_year_and_is_no_heading():
    context = DocContext("2025年某市政府工作报告\n全市经济稳中有进。", None, default_cues())
    assert context.year == 2025 and context.frame_at(12).year is None


def test_sections_of_a_report():
    text = "各位代表：\n一、2024年工作回顾\n全市增长5%。\n二、今年工作安排\n全市增长6%。\n■ 附记\n全市增长7%。"
    context = DocContext(text, "2025-01-20", default_cues())
    review, plan, after = (text.index("全市增长" + n) for n in "567")
    assert (context.frame_at(review).year, context.frame_at(review).mode) == (2024, "review")
    assert (context.frame_at(plan).year, context.frame_at(plan).mode) == (2025, "plan")
    assert context.frame_at(after).mode == "plan"     # a heading without a year or a marker changes nothing


# -- the builder -------------------------------------------------------------------------------

def test_records_have_the_spec_fields(grammar):
    (record,) = build(grammar, "地区生产总值增长5.2%。")
    assert set(record) == {"text", "start", "end", "value", "unit", "approx", "kind", "name", "year", "region",
                           "target", "upper"}


def test_the_builder_takes_any_quantity_like_objects():
    text = "地区生产总值增长5.2%。"
    (record,) = IndicatorBuilder().build(text, [quantity_in(text, "5.2%", 5.2, "%")])
    assert (record["kind"], record["name"], record["value"]) == ("growth", "地区生产总值", 5.2)


def test_a_negative_cue_signs_the_value_and_the_upper_bound(grammar):
    (record,) = build(grammar, "能耗下降3%—4%。")
    assert (record["value"], record["upper"]) == (-3, -4)


def test_the_region_comes_from_the_scope_unless_stated_jointly(grammar):
    regions = [{"start": 0, "end": 2, "code": "320500"}, {"start": 3, "end": 5, "code": "320200"}]
    text = "苏州、无锡两市规上工业总产值合计超过6万亿元。"
    (record,) = build(grammar, text, regions=regions, region_at=lambda offset: "320000")
    assert record["region"] is None
    (record,) = build(grammar, "苏州规上工业总产值超过4万亿元。", regions=regions[:1], region_at=lambda offset: "320500")
    assert record["region"] == "320500"


def test_a_place_at_the_start_of_a_name_is_dropped(grammar):
    regions = [{"start": 0, "end": 3, "code": "440000", "text": "广东省"}]
    (record,) = build(grammar, "广东省地区生产总值13.57万亿元。", regions=regions)
    assert record["name"] == "地区生产总值"


def test_the_country_is_kept_in_the_name_of_a_counted_kind(grammar):
    regions = [{"start": 2, "end": 4, "code": "100000", "text": "全国"}]
    (record,) = build(grammar, "新建全国重点实验室12家。", regions=regions)
    assert record["name"] == "全国重点实验室"


@pytest.mark.parametrize("text, span, value, unit", [
    ("落实“10条支持政策”。", "10条", 10, "条"),                          # a title in quotes
    ("印发《三年行动方案（2024—2026年）》。", "三年", 3, "年"),          # a title in title marks
    ("还列出7项具体任务：一是扩大投资。", "7项", 7, "项"),              # the count of the list that follows
    ("成为全省首个营收超千亿元园区。", "超千亿元", 1e11, "元"),          # a magnitude after 首个
    ("10类民生实事支出860亿元。", "10类", 10, "类"),                   # a category count labelling a subject
])
def test_values_that_the_clause_shows_are_no_indicators(text, span, value, unit):
    """Whatever the quantities grammar lets through, these are dropped by the indicator rules."""
    quantities = [quantity_in(text, span, value, unit)]
    if "860亿元" in text:
        quantities.append(quantity_in(text, "860亿元", 8.6e10, "元"))
    assert [r["text"] for r in IndicatorBuilder().build(text, quantities)] == [q.text for q in quantities[1:]]


def test_a_quoted_statement_keeps_its_values():
    text = "“2023年，全省民营火箭企业共完成13次商业发射。”他说。"
    assert [r["text"] for r in IndicatorBuilder().build(text, [quantity_in(text, "13次", 13, "次")])] == ["13次"]


def test_the_unit_families_come_from_the_quantities_grammar():
    families = unit_families()
    assert families["个"] == "count" and families["元"] == "money" and families["千瓦"] == "physical"
    assert families["位"] == "rank"


@pytest.mark.parametrize("text", ["", "增长5%", "\n\n增长5%", "2024年", "一、2024年工作回顾", "各位代表：\n一、2024年工作回顾\n增长5%",
                                  "增长5%。\n", "“增长5%", "分别增长5%、", "占比重5%"])
def test_texts_of_any_shape(grammar, text):
    """The last sentence without an end mark, a document that is only a heading, unclosed quotes …"""
    for date in (None, "2025-01-01"):
        records = build(grammar, text, date=date)
        assert all(text[r["start"]:r["end"]] == r["text"] for r in records)
        assert [r["text"] for r in records] == [q.text for q in grammar.find(text)]


# -- generalisation: markers, 的 phrases, 每N…就有M, report news, baselines -----------------------

@pytest.mark.parametrize("name, cleaned", [
    ("●粮食产量", "粮食产量"), ("■ 工业增加值", "工业增加值"), ("①地区生产总值", "地区生产总值"),
    ("——城镇新增就业", "城镇新增就业"), ("1.地区生产总值", "地区生产总值"), ("二、规上工业增加值", "规上工业增加值"),
    ("Ⅱ.居民收入", "居民收入"), ("税收占比仅", "税收占比"),
])
def test_markers_and_residue_leave_names(name, cleaned):
    from policyie.indicators.names import NameRules
    assert NameRules(default_cues(), {}).clean_text(name) == cleaned


def test_an_item_number_is_kept_inside_a_line():
    """一、二季度 is two quarters: a number before 、 is an item number only where an item can begin."""
    from policyie.indicators.names import NameRules
    rules = NameRules(default_cues(), {})
    text = "其中，1.5级以上企业"
    assert rules.as_name(text, rules.clean_span(text, 3, len(text))) == "1.5级以上企业"


def test_each_to_every_becomes_one_share():
    text = "全国每出口4辆汽车就有1辆“某省造”。"
    quantities = [quantity_in(text, "4辆", 4, "辆"), quantity_in(text, "1辆", 1, "辆")]
    (record,) = IndicatorBuilder().build(text, quantities)
    assert (record["text"], record["value"], record["unit"], record["kind"]) == ("每出口4辆汽车就有1辆", 25, "%", "share")
    assert record["name"] == "出口汽车"


def test_each_to_every_reads_a_part_the_grammar_left_out():
    text = "每卖出三辆车就有一辆是新能源汽车。"
    (record,) = IndicatorBuilder().build(text, [quantity_in(text, "三辆", 3, "辆")])
    assert record["text"] == "每卖出三辆车就有一辆" and abs(record["value"] - 100 / 3) < 1e-9


def test_a_noun_after_de_names_a_value_after_a_verb(grammar):
    records = build(grammar, "该企业实现了120亿元的营业收入和8.6亿元的净利润。")
    assert [r["name"] for r in records] == ["营业收入", "净利润"]
    (record,) = build(grammar, "总投资120亿元的项目开工。")
    assert record["name"] == "总投资"


def test_a_deadline_already_past_is_no_goal():
    text = "到2025年底，全市建成5G基站2万个。"
    for date, deadline in (("2026-02-01", False), ("2025-02-01", True), (None, True)):
        assert DocContext(text, date, default_cues()).governing_year(0, text.index("2万个")) == (2025, deadline)


def test_a_report_plan_begins_after_the_clause_that_introduces_it():
    text = "政府工作报告显示，全市增长5%。报告提出，全市增长6%。\n全市增长7%。"
    context = DocContext(text, "2025-01-20", default_cues())
    shown, planned, after = (text.index("全市增长" + n) for n in "567")
    assert context.frame_at(shown).mode is None
    assert context.frame_at(planned) == context.frame_at(after) == Frame(2025, "plan")


def test_news_naming_a_work_report_reads_as_the_report():
    cues = default_cues()
    assert DocContext("1月5日，市长作政府工作报告。报告显示，全市增长5%。", "2025-01-06", cues).is_report
    assert not DocContext("召开全市“两会”。全市增长5%。", "2025-01-06", cues).is_report


def test_the_region_compared_with_is_not_the_value_s(grammar):
    text = "某省汽车出口走强。全国每出口4辆汽车就有1辆“某省造”，整车出口量跃居全国首位。"
    regions = [{"start": text.index("全国"), "end": text.index("全国") + 2, "code": "100000"},
               {"start": text.rindex("全国"), "end": text.rindex("全国") + 2, "code": "100000"}]
    sentence = text.index("。") + 1

    def region_at(offset):
        return "340000" if offset < sentence else "100000"
    records = build(grammar, text, regions=regions, region_at=region_at)
    assert [(r["kind"], r["region"]) for r in records] == [("share", "340000"), ("rank", "340000")]


# -- one-character cues inside words, glosses, bases, footnotes ------------------------------------

def test_the_compounds_come_from_the_corpus_and_keep_junctions_out():
    compounds = default_cues().compounds
    assert {"起降", "升降", "直达", "增值税", "行列"} <= compounds
    # 其中|将, 财政|要: the corpus reads these as junctions too often for them to hide a cue
    assert not {"中将", "政要", "即将"} & compounds
    assert not compounds & set(default_cues().scanner.roles)      # cue words win in the scan anyway


@pytest.mark.parametrize("text, word, expected", [
    ("建成起降场（点）", "降", False), ("开通直达航线", "达", False), ("增值税收入", "增", False),
    ("利润降3%", "降", True), ("规模达5000亿元", "达", True), ("其中将新建", "将", True),
])
def test_a_one_character_cue_must_be_a_word_of_its_own_in_character_mode(text, word, expected):
    from policyie.indicators.cues import Hit, is_word_of_its_own
    start = text.index(word)
    hit = Hit(start, start + 1, word, frozenset({"growth"}))
    assert is_word_of_its_own(text, hit, default_cues().compounds) is expected


def test_the_segmenter_s_words_decide_where_it_ran():
    """起|降场 glued by the segmenter: 降 starts a token that goes on, so it is no word of its own."""
    from policyie.indicators.cues import Hit, is_word_of_its_own
    text = "航空器起降场"
    hit = Hit(4, 5, "降", frozenset({"growth"}))
    boundaries = {0, 2, 3, 4, 6}                               # 航空|器起|降场 as a segmenter might cut it
    assert not is_word_of_its_own(text, hit, frozenset(), boundaries.__contains__)
    assert is_word_of_its_own(text, hit, frozenset(), {0, 2, 3, 4, 5, 6}.__contains__)


def test_a_count_before_a_word_holding_a_cue_names_it():
    text = "新建起降点80个"
    (record,) = IndicatorBuilder().build(text, [quantity_in(text, "80个", 80, "个")])
    assert (record["value"], record["kind"], record["name"]) == (80, "level", "起降点")
    boundaries = {0, 2, 4, 6, 8}.__contains__          # 新建|起降|点|80个 …
    (record,) = IndicatorBuilder().build(text, [quantity_in(text, "80个", 80, "个")], is_boundary=boundaries)
    assert (record["value"], record["kind"], record["name"]) == (80, "level", "起降点")


@pytest.mark.parametrize("text, span, value", [
    ("人口性别比为104.2（以女性为100）。", "100", 100), ("价格指数（上年=100）为98.2。", "100", 100),
])
def test_the_base_of_a_ratio_or_an_index_is_no_value(text, span, value):
    quantities = [quantity_in(text, span, value, "")]
    assert IndicatorBuilder().build(text, quantities) == []


@pytest.mark.parametrize("name, cleaned", [
    ("地区生产总值[2]", "地区生产总值"), ("第三产业［3］增加值", "第三产业增加值"), ("GDP¹", "GDP"),
    ("数字经济增加值（注1）", "数字经济增加值"), ("价格指数（上年=100）", "价格指数"), ("通用机场（运营中心）", "通用机场（运营中心）"),
])
def test_footnote_marks_and_asides_leave_names(name, cleaned):
    from policyie.indicators.names import without_asides
    assert without_asides(name) == cleaned


def test_a_gloss_belongs_to_its_clause_and_an_aside_does_not():
    from policyie.indicators.names import inline_parenthetical_end
    text = "规划通用机场（运营中心）5个，增长5%（初步核算）"
    assert inline_parenthetical_end(text, text.index("（")) == text.index("）") + 1
    assert inline_parenthetical_end(text, text.rindex("（")) is None          # after a value: an aside


@pytest.mark.parametrize("text, date, year", [
    ("2024年，全市经济运行稳中有进。\n一、综合\n全年增长5%。", "2025-03-20", 2024),
    ("宁州市2024年国民经济和社会发展统计公报\n宁州市统计局\n2025年3月20日\n一、综合", "2025-03-20", 2024),
    ("2024年是关键一年。\n一、综合", None, 2024),
    ("■ 甲市\n2023年，全市新设市场主体8.2万户。", "2024-06-01", None),     # a section's own year
    ("2024年12月30日，记者获悉。", "2024-12-30", None),                    # a dateline
    ("到2027年，全市低空经济规模达到1000亿元。", "2024-05-01", None),      # a deadline
    ("2027年，全市低空经济规模达到1000亿元。", "2024-05-01", None),        # after the document's year
    ("各位代表：\n2024年是极不平凡的一年。", "2025-01-15", None),          # reports have their own rule
])
def test_the_year_a_document_is_about(text, date, year):
    assert DocContext(text, date, default_cues()).opening_year == year


def test_a_change_glued_by_the_segmenter_stays_a_change_before_its_amount():
    """同|比降|3%: the segmenter's 比降 is a slope, but 降 right before its amount is the change; 起降 is a word
    of the compounds, so 起|降 before a count stays no change."""
    from policyie.indicators.cues import Hit, is_word_of_its_own
    compounds = default_cues().compounds
    amount_after = {"同比降3%": 3, "起降5000架次": 2}
    for text, expected in (("同比降3%", True), ("起降5000架次", False)):
        start = text.index("降")
        hit = Hit(start, start + 1, "降", frozenset({"growth", "negative"}))
        glued = {0, 1, 3, len(text)} if text.startswith("同") else {0, 2, len(text)}
        assert is_word_of_its_own(text, hit, compounds, glued.__contains__,
                                  lambda offset, text=text: offset == amount_after[text]) is expected
