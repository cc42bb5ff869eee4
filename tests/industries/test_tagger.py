"""The tagger's API and the rules the corpus cannot show on its own."""
from __future__ import annotations

import dataclasses

import pytest

from policyie.industries.lexicon import LexiconError
from policyie.industries.tagger import IndustryMatch, IndustryTagger


@pytest.fixture()
def tagger():
    return IndustryTagger.default()


def spans(matches):
    return [(m.text, m.name) for m in matches]


def test_match_fields_and_offsets(tagger):
    text = "全省新能源汽车产量增长30%。"
    [match] = tagger.find(text)
    assert isinstance(match, IndustryMatch)
    assert (match.start, match.end, match.text) == (2, 7, "新能源汽车")
    assert text[match.start:match.end] == match.text
    assert (match.name, match.sector, match.category) == ("新能源汽车", "新能源汽车产业", "新能源汽车整车制造")
    assert match.tiers == ("strategic_emerging",) and match.source == "lexicon" and match.confidence == 1.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.name = "汽车"


def test_empty_and_industry_free_texts(tagger):
    assert tagger.find("") == []
    assert tagger.find("城乡居民收入稳步增长。") == []


def test_matches_come_in_text_order_and_never_overlap(tagger):
    text = "推动钢铁、石化、建材等传统产业升级，培育集成电路、人工智能、生物医药等新兴产业，发展海洋牧场产业。"
    matches = tagger.find(text)
    assert [m.start for m in matches] == sorted(m.start for m in matches)
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))


def test_excluded_spans_hold_no_records(tagger):
    text = "比亚迪新能源汽车销量增长。"
    assert spans(tagger.find(text)) == [("新能源汽车", "新能源汽车")]
    assert tagger.find(text, excluded=[(0, 8)]) == []
    assert tagger.find(text, excluded=[(3, 6)]) == []
    assert spans(tagger.find(text, excluded=[(0, 3)])) == [("新能源汽车", "新能源汽车")]


def test_boundaries_of_a_segmenter_drop_terms_that_cut_words(tagger):
    text = "加快更新能源结构。"
    # Characters alone cannot tell 更新|能源 from 新能源:
    assert spans(tagger.find(text)) == [("新能源", "新能源")]
    words = {0, 2, 4, 6, 8, 9}  # 加快|更新|能源|结构|。
    assert tagger.find(text, is_boundary=words.__contains__) == []


def test_boundaries_keep_terms_before_a_head_inside_one_word(tagger):
    text = "旅游业加快复苏。"
    words = {0, 3, 5, 7, 8}  # 旅游业|加快|复苏|。
    assert spans(tagger.find(text, is_boundary=words.__contains__)) == [("旅游", "旅游")]


def test_long_terms_ignore_boundaries(tagger):
    text = "新能源汽车产量增长。"
    assert spans(tagger.find(text, is_boundary=lambda offset: offset == 0)) == [("新能源汽车", "新能源汽车")]


def test_add_terms_is_a_rule_pack(tagger):
    text = "培育类脑芯片产业，神经形态芯片取得突破。"
    before = tagger.find(text)
    tagger.add_terms([{"name": "类脑芯片", "aliases": ["神经形态芯片"], "sector": "新一代信息技术产业",
                       "category": "人工智能", "tiers": ["strategic_emerging", "future"], "source": "my plan"}])
    after = tagger.find(text)
    assert [(m.text, m.name, m.source, m.confidence) for m in after] == [
        ("类脑芯片", "类脑芯片", "rule_pack", 1.0), ("神经形态芯片", "类脑芯片", "rule_pack", 1.0)]
    assert before != after
    # Another tagger is not affected: default() hands out independent instances.
    assert IndustryTagger.default().find(text) == before


def test_a_rule_pack_term_wins_over_a_non_term(tagger):
    assert tagger.find("发展壮大民营经济。") == []
    tagger.add_terms([{"name": "民营经济", "aliases": [], "sector": "其他", "category": None,
                       "tiers": ["traditional"], "source": "my plan"}])
    assert spans(tagger.find("发展壮大民营经济。")) == [("民营经济", "民营经济")]


def test_a_rule_pack_can_add_a_single_character_term(tagger):
    tagger.add_terms([{"name": "锑", "aliases": [], "sector": "其他", "category": None,
                       "tiers": ["traditional"], "source": "my plan"}])
    assert spans(tagger.find("做强锑产业。")) == [("锑", "锑")]
    assert tagger.find("锑矿储量丰富。") == []


def test_an_invalid_rule_pack_record_raises_with_its_field(tagger):
    with pytest.raises(LexiconError) as error:
        tagger.add_terms([{"name": "类脑芯片", "aliases": [], "sector": "芯片", "category": None,
                           "tiers": ["future"], "source": "x"}])
    assert error.value.field == "sector"
    assert isinstance(error.value, ValueError)


def test_segmenter_words_are_all_multi_character_strings(tagger):
    words = tagger.segmenter_words()
    assert "新能源汽车" in words and "低空经济" in words and "新能源车" in words
    assert all(len(word) >= 2 for word in words)
    assert "铝" not in words


def test_single_characters_need_a_coordination_or_a_head(tagger):
    assert spans(tagger.find("推动铝精深加工。")) == [("铝精深加工", "铝精深加工")]
    assert spans(tagger.find("推动铝产业高端化。")) == [("铝", "铝")]
    assert tagger.find("铝价上涨。") == []
    assert tagger.find("加快铜川发展。") == []


def test_shared_head_gives_the_member_its_full_name(tagger):
    [first, second] = tagger.find("推动新能源与智能网联汽车发展。")
    assert (first.text, first.name, first.sector, first.confidence) == ("新能源", "新能源汽车", "新能源汽车产业", 0.9)
    assert second.name == "智能网联汽车"


def test_a_list_with_a_comma_does_not_share_heads(tagger):
    assert spans(tagger.find("发展新能源、智能网联汽车。")) == [("新能源", "新能源"), ("智能网联汽车", "智能网联汽车")]


def test_domain_prefixes_make_compounds(tagger):
    assert spans(tagger.find("大力发展智慧文旅和工业旅游。")) == [("智慧文旅", "智慧文旅"), ("工业旅游", "工业旅游")]
    [match] = tagger.find("推动体育旅游发展。")
    assert (match.text, match.sector) == ("体育旅游", "其他")


def test_terms_with_head_economy_keep_it(tagger):
    [match] = tagger.find("发展旅游经济。")
    assert (match.text, match.name, match.source) == ("旅游经济", "旅游经济", "lexicon")
    assert spans(tagger.find("建设国家级经济技术开发区。")) == []


def test_goods_are_dropped_only_in_their_clause(tagger):
    text = "汽车出口增长20%，汽车产量增长10%。"
    assert [m.start for m in tagger.find(text)] == [text.index("汽车产量")]


def test_a_counted_or_graded_facility_is_a_kind_not_a_name(tagger):
    assert spans(tagger.find("建成3个新能源基地。")) == [("新能源", "新能源")]
    assert spans(tagger.find("认定省级化工园区。")) == [("化工", "化工")]
    assert spans(tagger.find("培育一批人工智能公司。")) == [("人工智能", "人工智能")]
    # Without a kind word, or with words between the term and the suffix, it is a name.
    assert tagger.find("建设晋北新能源基地。") == []
    assert tagger.find("建设国家级稀土新材料产业基地。") == []
    assert tagger.find("建成3个数字经济创新发展试验区。") == []


def test_quoted_names_hold_no_records_but_quoted_titles_do(tagger):
    assert tagger.find("“智能语音”品牌享誉全国。") == []
    assert tagger.find("建设“5G+工业互联网”示范园区。") == []
    assert spans(tagger.find("实施“5G+工业互联网”行动。")) == [("5G", "5G"), ("工业互联网", "工业互联网")]
    assert spans(tagger.find("推进“光伏+”产业发展。")) == [("光伏", "光伏")]


def test_products_with_a_designation_are_goods(tagger):
    assert tagger.find("大飞机C929完成设计评审。") == []
    assert tagger.find("天舟六号运载火箭发射成功。") == []
    assert tagger.find("大型邮轮“海上明珠号”出坞。") == []
    assert spans(tagger.find("大飞机产业链加快集聚。")) == [("大飞机", "大飞机")]
    # A quoted nickname that is no ship's or craft's name does not make a product.
    assert spans(tagger.find("新能源汽车“三电”技术领先。")) == [("新能源汽车", "新能源汽车")]


def test_goods_after_a_making_or_buying_verb_and_before_consumption(tagger):
    assert tagger.find("这座城市能造汽车。") == []
    assert tagger.find("汽车消费回暖。") == []
    assert spans(tagger.find("打造汽车产业集群。")) == [("汽车", "汽车")]
    assert spans(tagger.find("汽车制造业利润增长。")) == [("汽车", "汽车")]


def test_specific_heads_keep_the_longer_span(tagger):
    [match] = tagger.find("新签约储能装备制造项目5个。")
    assert (match.text, match.name, match.sector) == ("储能装备制造", "储能装备制造", "新能源产业")
    [match] = tagger.find("发展超高清视频显示。")
    assert (match.text, match.name) == ("超高清视频显示", "超高清视频显示")
    # A lexicon compound keeps its own name.
    assert spans(tagger.find("发展电力装备。")) == [("电力装备", "电力装备")]


def test_a_term_with_its_own_heads(tagger):
    tagger.add_terms([{"name": "水风光", "aliases": [], "sector": "新能源产业", "category": None,
                       "tiers": ["strategic_emerging"], "source": "my plan", "needs_head": True,
                       "heads": ["互补", "基地"]}])
    assert spans(tagger.find("建设水风光互补项目。")) == [("水风光", "水风光")]
    assert tagger.find("水风光好。") == []


def test_glued_field_names_are_a_coordination(tagger):
    assert spans(tagger.find("加强深地深海资源开发。")) == [("深地", "深地"), ("深海", "深海")]
    assert tagger.find("深海探测取得进展。") == []


def test_compound_short_forms_are_terms_and_system_modes_are_not(tagger):
    assert [(m.text, m.name, m.sector) for m in tagger.find("发展光储产业，推进风光储和光储充一体化。")] == [
        ("光储", "光储", "新能源产业"), ("风光储", "风光储", "新能源产业"), ("光储充", "光储充", "新能源汽车产业")]
    assert spans(tagger.find("开展车路云一体化试点。")) == [("车路云", "车路云")]
    assert tagger.find("推进源网荷储一体化。") == []
    assert tagger.find("推广光储直柔建筑。") == []
    assert tagger.find("时光储存在记忆里。") == []


def test_x_zhizao_is_one_industry_named_by_the_canonical_name(tagger):
    [match] = tagger.find("电动汽车制造加快发展。")
    assert (match.text, match.name, match.sector, match.confidence) == (
        "电动汽车制造", "新能源汽车制造", "新能源汽车产业", 0.9)
    # A word that needs a head is completed by 制造, but not by other specific heads.
    assert spans(tagger.find("做强航空制造。")) == [("航空制造", "航空制造")]
    assert tagger.find("数据显示出积极变化。") == []
    # 制造业 is a generic head, 制造商 a maker; the lexicon's compounds keep their names.
    assert spans(tagger.find("汽车制造业利润增长。")) == [("汽车", "汽车")]
    assert spans(tagger.find("汽车制造商加快转型。")) == [("汽车", "汽车")]
    assert spans(tagger.find("芯片制造能力提升。")) == [("芯片制造", "集成电路制造")]
    assert spans(tagger.find("装备制造业增长。")) == [("装备制造", "装备制造")]


def test_a_rule_pack_term_takes_zhizao_too(tagger):
    tagger.add_terms([{"name": "类脑芯片", "aliases": ["神经形态芯片"], "sector": "新一代信息技术产业",
                       "category": "人工智能", "tiers": ["strategic_emerging"], "source": "my plan"}])
    assert spans(tagger.find("发展神经形态芯片制造。")) == [("神经形态芯片制造", "类脑芯片制造")]


def test_activities_and_scenarios_are_no_industries(tagger):
    assert tagger.find("物流运输效率提升，物流成本下降。") == []
    assert tagger.find("煤炭运输保障有力。") == []
    assert spans(tagger.find("无人机在物流、巡检等场景应用。")) == [("无人机", "无人机")]
    # 等 closing a list with an industry head keeps the members.
    assert spans(tagger.find("在物流、旅游等领域应用。")) == [("物流", "物流"), ("旅游", "旅游")]


def test_a_term_ending_a_company_short_name(tagger):
    assert tagger.find("华晶新材料签约落户。") == []
    assert tagger.find("恒信光伏投产。") == []
    # Policy verbs and scope words before the term, or a noun after the firm's verb, keep it.
    assert spans(tagger.find("推动新材料投产。")) == [("新材料", "新材料")]
    assert spans(tagger.find("全市光伏签约项目12个。")) == [("光伏", "光伏")]
