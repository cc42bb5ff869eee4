"""The tagger's API: records, boundaries from a segmenter, rule packs, proper names, speed."""

import pytest

from policyie.regions import RegionMatch, RegionTagger
from policyie.regions.lexicon import RuleError


def codes(matches):
    return [m.code for m in matches]


def test_match_fields(tagger):
    [match] = tagger.find("重点支持苏州工业园区")
    assert isinstance(match, RegionMatch)
    assert (match.text, match.code, match.name, match.level, match.parent) == (
        "苏州工业园区", None, "苏州工业园区", "zone", "320500")
    [group] = tagger.find("京津冀协同发展")
    assert group.members == ("110000", "120000", "130000") and group.code is None
    [ambiguous] = tagger.find("鼓楼区")
    assert ambiguous.code is None and len(ambiguous.candidates) == 4 and ambiguous.level == "county"


def test_zone_name_spells_out_the_abbreviation(tagger):
    [zone] = tagger.find("合肥经开区")
    assert zone.name == "合肥经济技术开发区" and zone.parent == "340100"


def test_offsets_always_match_the_text(tagger):
    text = "2024年，广东、江苏、浙江、山东GDP均超5万亿元；北京市朝阳区、上海浦东新区、重庆两江新区、长三角地区和东北地区加快发展。"
    matches = tagger.find(text)
    assert len(matches) == 11
    for m in matches:
        assert text[m.start:m.end] == m.text
    assert [m.start for m in matches] == sorted(m.start for m in matches)


def test_segmenter_boundaries_reject_names_that_cut_a_word(tagger):
    text = "在航天等领域"
    words = {0, 1, 3, 4, 6}          # 在|航天|等|领域
    assert tagger.find(text, is_boundary=words.__contains__) == []
    text = "崇左天等县"
    words = {0, 2, 5}                # 崇左|天等县
    assert codes(tagger.find(text, is_boundary=words.__contains__)) == ["451400", "451425"]


def test_fixed_phrases_block_a_place_the_segmenter_keeps_inside_a_word(tagger):
    text = "事关长治久安的工作"
    words = {0, 2, 6, 7, 9}          # 事关|长治久安|的|工作: 长治 starts a word
    assert tagger.find(text, is_boundary=words.__contains__) == []


def test_dashes_end_words_the_segmenter_glued(tagger):
    text = "巴林—奈曼—阜新500千伏"
    words = {0, 5, 7, 9, 12}         # 巴林—奈曼|—阜|新|500|千伏
    found = tagger.find(text, is_boundary=words.__contains__)
    assert [(m.text, m.code) for m in found] == [("巴林", None), ("奈曼", "150525"), ("阜新", "210900")]
    assert found[0].candidates == ("150422", "150423")


def test_segmenter_boundaries_allow_a_chain_glued_into_one_token(tagger):
    text = "北京朝阳"
    words = {0, 4}                   # one token
    assert codes(tagger.find(text, is_boundary=words.__contains__)) == ["110000", "110105"]


def test_document_context_resolves_later_mentions(tagger):
    text = "重庆市政府工作报告。江北区加快发展。"
    assert codes(tagger.find(text))[-1] == "500157"   # former 江北区 of 重庆, merged into 两江新区
    assert codes(tagger.find("宁波江北区加快发展"))[-1] == "330205"


def test_rule_pack_adds_zones_aliases_groups_and_blocks():
    tagger = RegionTagger.default()
    tagger.add_rules([
        {"type": "zone", "name": "临空经济示范区", "aliases": ["临空示范区"], "parent": "410100"},
        {"type": "alias", "text": "蓉城", "code": "510100"},
        {"type": "group", "name": "沿黄九省区", "members": ["630000", "510000"]},
        {"type": "block", "text": "沈阳北方算谷", "reason": "project"},
    ])
    found = tagger.find("临空示范区、蓉城和沿黄九省区；沈阳北方算谷")
    assert [(m.text, m.code, m.level) for m in found] == [
        ("临空示范区", None, "zone"), ("蓉城", "510100", "prefecture"), ("沿黄九省区", None, "group")]
    # another default tagger is not affected
    assert RegionTagger.default().find("蓉城") == []


def test_a_copy_of_a_lexicon_in_use_finds_the_same(tagger):
    from policyie.regions.tagger import RegionTagger as Tagger

    text = "在航天等领域，北京大学和宁波舟山港；昆山市场"
    copied = Tagger(tagger.lexicon.copy())   # the matcher (and its look-up tables) already built
    assert copied.find(text) == tagger.find(text)
    assert copied.proper_name_spans(text) == tagger.proper_name_spans(text)


def test_rule_pack_errors_name_the_problem():
    tagger = RegionTagger.default()
    with pytest.raises(RuleError):
        tagger.add_rules([{"type": "alias", "text": "某地", "code": "999999"}])
    with pytest.raises(RuleError):
        tagger.add_rules([{"type": "planet", "text": "火星"}])


def test_proper_name_spans(tagger):
    text = "北京大学和上海证券交易所"
    assert tagger.proper_name_spans(text) == [(0, 4), (5, 12)]


def test_read_gives_what_find_scope_and_proper_name_spans_give(tagger):
    text = ("2024年苏州市政府工作报告\n北京大学和上海证券交易所。苏州工业园区、合肥经开区加快发展；"
            "在航天等领域，宁波舟山港吞吐量增长5%。\n全市新增就业15万人。")
    for is_boundary in (None, lambda offset: True):   # character mode; a segmenter cutting everywhere
        reading = tagger.read(text, is_boundary=is_boundary)
        matches = tagger.find(text, is_boundary=is_boundary)
        assert reading.matches == matches
        assert reading.scope.breakpoints() == tagger.scope(text, matches).breakpoints()
        assert reading.proper_names == tagger.proper_name_spans(text) == [(15, 19), (20, 27), (54, 57)]


def test_scope_breakpoints(tagger):
    text = "■ 辽宁\n增长5%。\n■ 吉林\n增长6%。"
    scope = tagger.scope(text, tagger.find(text))
    assert [code for _, code in scope.breakpoints()] == ["210000", "220000"]
    assert scope.region_at(text.index("6%")) == "220000"


def test_segmenter_words_are_safe(tagger):
    words = set(tagger.segmenter_words())
    assert "广东省" in words and "粤港澳大湾区" in words
    assert "天等" not in words and "新兴" not in words
    # 南|昌都市|圈 would hide 南昌|都市圈: names ending in 都市 are left to the segmenter
    assert "昌都市" not in words and "成都市" not in words


def test_blocked_names_of_companies_products_and_titles_hide_a_place(tagger):
    """A company, product or title is blocked only when a place stands inside it and no
    mechanism drops it anyway (heads such as 银行, 大学; everyday-word names that need a cue)."""
    import json
    from policyie.regions.table import DATA_DIR

    matcher = tagger.lexicon.matcher
    for line in (DATA_DIR / "rules.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["type"] == "block" and record["reason"] in ("company", "product", "honorary title"):
            assert any(hit[2].senses for hit in matcher.hits(record["text"])), record["text"]


def test_port_glued_to_a_county_name_by_the_segmenter(tagger):
    """深圳|盐田港: a segmenter that keeps 盐田港 whole must not leave 深圳 behind as a place of its
    own — the port is named after both (as 宁波舟山港 in character mode)."""
    text = "9月份深圳盐田港的集装箱吞吐量创新高"
    words = ["9", "月份", "深圳", "盐田港", "的", "集装箱", "吞吐量", "创", "新高"]
    bounds, position = {0}, 0
    for word in words:
        position += len(word)
        bounds.add(position)
    assert [m.text for m in tagger.find(text, is_boundary=bounds.__contains__)] == []


def test_place_glued_to_the_party_name_by_the_segmenter(tagger):
    """中共扬州|八届市委: a segmenter that glues 中共 onto a place leaves the place a name."""
    text = "中共扬州八届市委召开会议"
    words = ["中共扬州", "八", "届", "市委", "召开", "会议"]
    bounds, position = {0}, 0
    for word in words:
        position += len(word)
        bounds.add(position)
    assert [m.text for m in tagger.find(text, is_boundary=bounds.__contains__)] == ["扬州"]


def _bounds(words):
    bounds, position = {0}, 0
    for word in words:
        position += len(word)
        bounds.add(position)
    return bounds.__contains__


def test_county_of_the_city_split_by_a_segmenter_that_does_not_know_it(tagger):
    """沙|河闽|都: a segmenter that does not know a county's name cuts it after its first
    character and glues the rest onto the next word; in a text about the county's city the
    character-mode checks stand in for its boundary.  A far county's name stays out (方|正微, a
    firm in a text about another city)."""
    words = ["邢台市", "重点", "项目", "，", "邢台", "高新区", "、", "沙", "河闽", "都", "紧固件", "项目", "开工", "。"]
    text = "".join(words)
    assert [m.text for m in tagger.find(text, is_boundary=_bounds(words))] == ["邢台市", "邢台高新区", "沙河"]
    words = ["重庆市", "万州区", "工作", "会议", "召开", "，", "涪陵必", "争先", "。"]   # the next character glued on
    text = "".join(words)
    assert [m.text for m in tagger.find(text, is_boundary=_bounds(words))] == ["重庆市", "万州区", "涪陵"]
    words = ["深圳市", "坪山区", "重点", "项目", "，", "方", "正微", "项目", "建成", "。"]
    text = "".join(words)
    assert [m.text for m in tagger.find(text, is_boundary=_bounds(words))] == ["深圳市", "坪山区"]


def test_everyday_word_county_name_opening_a_name_in_its_city(tagger):
    """清河 is also 'a clear river': it names the county opening a project's name in a text about
    邢台, not after a verb, and not in a text about another city."""
    text = "邢台市加快项目建设。邢台经开区新签约项目12个，清河羊绒智造产业园开工。"
    assert [m.text for m in tagger.find(text)] == ["邢台市", "邢台经开区", "清河"]
    text = "保定市加快项目建设。保定经开区新签约项目12个，清河羊绒智造产业园开工。"
    assert [m.text for m in tagger.find(text)] == ["保定市", "保定经开区"]
