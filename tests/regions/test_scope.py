"""The region scope: which region governs each figure of a document (offset → expected code).

Each case is an invented text in the style of a government work report or a news digest; the
anchor is the figure whose governing region is checked (its first occurrence in the text).
"""
import pytest

CITY_REPORT = (
    "各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n"
    "一、2024年工作回顾\n"
    "过去一年，面对复杂形势，我们在省委、省政府坚强领导下砥砺前行。"
    "地区生产总值完成3210.5亿元、增长5.6%，增速居全省第二。"
    "规模以上工业增加值增长8.1%，增速连续6个月保持全省首位。"
    "衡水市入选国家物流枢纽建设名单，河北省重点项目开工41个，河北省委给予肯定。"
    "全市新增城镇就业5.2万人。"
)

PROVINCE_WITHOUT_TITLE = (
    "过去一年，我省经济回升向好。全省地区生产总值9876.5亿元，增长5.1%，增速居全国第9位；"
    "固定资产投资增长4.4%，增速居全国第5位。宁夏新能源装机达到4000万千瓦，居全国前列。"
    "新建高标准农田120万亩，高于全国平均水平。"
)

CASES = [
    # the opening names the city: it governs, not the province mentioned more often
    ("2025年衡水市政府工作报告\n河北省委部署落实有力。河北全省经济稳中有进。"
     "过去一年，地区生产总值增长5.9%。全市新增就业3.1万人。",
     [("5.9%", "131100"), ("3.1万", "131100")]),
    ("政府工作报告\n——2025年1月10日在保定市第十六届人民代表大会第四次会议上\n"
     "河北省重点工作推进有力。一年来，全市生产总值增长6.2%，居全省第一。",
     [("6.2%", "130600"), ("第一", "130600")]),
    ("1月8日上午，绵阳市第八届人民代表大会第五次会议开幕。政府工作报告指出，"
     "全市地区生产总值增长6.3%。四川省下达的目标全面完成。新签约项目120个。",
     [("6.3%", "510700"), ("120个", "510700")]),
    # a city report without a title: 代表市人民政府 and 全市 say the report is a city's
    (CITY_REPORT, [("3210.5", "131100"), ("5.6%", "131100"), ("第二", "131100"),
                   ("8.1%", "131100"), ("6个月", "131100"), ("5.2万", "131100")]),
    # a province report without a title, the country mentioned only as a baseline
    (PROVINCE_WITHOUT_TITLE, [("9876.5", "640000"), ("第9位", "640000"), ("4.4%", "640000"),
                              ("第5位", "640000"), ("4000万", "640000"), ("120万亩", "640000")]),
    # baselines and comparisons do not take over a sentence
    ("2024年南宁市政府工作报告\n外贸进出口增长18%，增速跃居全区首位，成为全区第二个突破千亿元的城市。"
     "社会消费品零售总额增长4.2%。",
     [("18%", "450100"), ("4.2%", "450100")]),
    ("2024年宁波市政府工作报告\n一般公共预算收入1680亿元，均保持全省第二，进出口总额增长6.4%。",
     [("1680", "330200"), ("6.4%", "330200")]),
    ("2024年东莞市政府工作报告\n规上工业增加值连续两年实现全国城市前十，工业投资增长15%。",
     [("15%", "441900")]),
    ("2024年苏州市政府工作报告\n新增高新技术企业1200家，居全国第4位。新增上市公司18家。",
     [("1200家", "320500"), ("18家", "320500")]),
    ("2024年武汉市政府工作报告\n是全国首个获批的试点城市，数字经济核心产业增加值增长12%。",
     [("12%", "420100")]),
    ("2024年西安市政府工作报告\n研发投入强度5.2%，占全省比重超过六成，增速比全省快1.3个百分点。",
     [("5.2%", "610100"), ("1.3个", "610100")]),
    # the reporter decides the level even when the province's scope word is more frequent
    ("各位代表：\n现在，我代表市人民政府向大会报告工作。\n过去一年，全省经济稳中向好。"
     "地区生产总值增长6%，增速居全省第一；投资增长9%，居全省第二；消费增长7%，全省第三。"
     "建成廊坊临空经济区物流中心。新增市场主体2.1万户。",
     [("6%", "131000"), ("9%", "131000"), ("2.1万", "131000")]),
    ("2024年包头市政府工作报告\n工业投资增长30%、领跑全区。新增专精特新企业35家。",
     [("30%", "150200"), ("35家", "150200")]),
    ("2024年喀什地区政府工作报告\n学习运用千万工程经验，创建12个全国乡村治理示范村。",
     [("12个", "653100")]),
    # the province named as the level of a list or a body is not the subject in a city's report
    ("2024年保定市政府工作报告\n河北省重点项目开工56个，省级专精特新企业新增40家。河北省委部署的任务全面完成，新增就业4万人。",
     [("56个", "130600"), ("40家", "130600"), ("4万", "130600")]),
    # 在深圳， is a topic: it governs what follows
    ("各地观察\n在深圳，新能源汽车产量增长30%。在上海举办的博览会签约项目80个。",
     [("30%", "440300")]),
    # a district's report: 区 is a district, not an autonomous region
    ("各位代表：\n现在，我代表区人民政府向大会报告工作。\n内蒙古自治区下达的任务全面完成，内蒙古自治区重点项目开工。"
     "赤峰市部署有力。红山区地区生产总值增长6%。全区新增就业1.2万人。",
     [("1.2万", "150402")]),
    # a news dateline is where the news was filed, not what it is about
    ("新华社北京1月20日电 记者从广东省统计局获悉，2024年广东地区生产总值增长3.5%。全省新增就业130万人。",
     [("3.5%", "440000"), ("130万", "440000")]),
    ("2024年宁夏回族自治区国民经济和社会发展统计公报\n全年地区生产总值5315亿元。",
     [("5315", "640000")]),
    # a heading names the region of the lines below it, until the next heading
    ("各地新质生产力观察\n■ 福建\n2024年，福建数字经济规模突破3万亿元，总量居全国第七。\n"
     "海上风电装机达到450万千瓦。\n△厦门火炬高新区\n新增专精特新企业300家。\n"
     "■ 江西\n全省电子信息产业营收增长9%，居全国第5位。",
     [("3万亿", "350000"), ("第七", "350000"), ("450万", "350000"), ("300家", "350000"),
      ("9%", "360000"), ("第5位", "360000")]),
    ("湖北\n光电子信息产业规模突破8000亿元。\n湖南\n工程机械产值增长11%。",
     [("8000", "420000"), ("11%", "430000")]),
    # a national report: the country governs subject-less sentences
    ("政府工作报告\n——2025年3月5日在第十四届全国人民代表大会第三次会议上\n"
     "国务院总理\n过去一年，国内生产总值增长5%。广东、江苏经济总量超过13万亿元。城镇新增就业1256万人。",
     [("5%", "100000"), ("1256", "100000")]),
    # places joined in a route or a project title are not the subject of the figure
    ("2024年通辽市政府工作报告\n科尔沁—开鲁—阜新500千伏输变电工程投运，新增装机120万千瓦。",
     [("120万", "150500")]),
    # a group in a city report is a part of a name, not a joint subject
    ("2024年忻州市政府工作报告\n晋北风光基地加快建设，新能源装机达到800万千瓦。",
     [("800万", "140900")]),
    # the most specific consistent region wins when nothing names the report's level
    ("山东省潍坊市推进制造业强市建设。潍坊市规上工业增加值增长9%。山东省委给予肯定。潍坊新增项目80个。",
     [("80个", "370700")]),
    # the sentence's own subject still governs: a district named in a city report
    ("2024年杭州市政府工作报告\n全市生产总值增长4.7%。余杭区数字经济增加值增长11%。全市新增就业28万人。",
     [("4.7%", "330100"), ("11%", "330110"), ("28万", "330100")]),
]

# Part of a news digest that reviews cities paragraph by paragraph: each paragraph opens with its
# city, whose figures follow in sentences of their own.
DIGEST = (
    "南京市2024年地区生产总值增长4.5%。全年新增城镇就业30.2万人。\n"
    "苏州市政府工作报告指出，2024年地区生产总值达到2.67万亿元，增长6%。同时，苏州还完成了一批重大项目；"
    "规模以上工业总产值达到4.69万亿元，增加值增长9%左右。\n"
    "无锡市地区生产总值增长5.8%。全年进出口总额增长7.1%。\n"
    "从全省看，各地经济回升向好，外贸进出口增长7.3%。"
)

# News from a provincial statistics office, paragraph by paragraph; the country named only later.
BULLETIN = (
    "安徽省统计局发布数据显示，2024年全省地区生产总值增长5.8%。\n\n"
    "工业方面，规模以上工业增加值增长8.7%。\n\n"
    "消费方面，社会消费品零售总额增长4.5%，全国社会消费品零售总额增长3.5%。\n\n"
    "投资方面，固定资产投资增长4%。"
)

# A province's text that names no province: the region stays unknown, whatever the baselines.
UNNAMED_PROVINCE = (
    "过去一年，全省经济回升向好。全省地区生产总值增长5.8%，高于全国0.6个百分点。"
    "全国规模以上工业增加值增长4.6%，全省增长7.5%。固定资产投资增长4%。"
)

CASES += [
    # a sentence without a region of its own takes the one its paragraph opened with
    (DIGEST, [("4.5%", "320100"), ("30.2万", "320100"), ("2.67", "320500"), ("4.69", "320500"),
              ("9%", "320500"), ("5.8%", "320200"), ("7.1%", "320200"), ("7.3%", "320000")]),
    ("江苏各地经济观察\n" + DIGEST, [("30.2万", "320100"), ("4.69", "320500"), ("7.1%", "320200")]),
    # a report's paragraph that does not open with a place: a district named in passing governs
    # its own sentence only
    ("2024年合肥市政府工作报告\n过去一年，全市经济稳中有进。包河区获评全国县域经济示范区。"
     "新增高新技术企业3000家。\n蜀山区生产总值增长6%。全年新增就业12万人。",
     [("3000家", "340100"), ("6%", "340104"), ("12万", "340104")]),
    # the opening paragraph of a news article names its region; a subject later in a sentence
    # governs from its own clause only
    (BULLETIN, [("5.8%", "340000"), ("8.7%", "340000"), ("4.5%", "340000"), ("3.5%", "100000"),
                ("4%", "340000")]),
    ("记者从广东省商务厅获悉，今年前三季度全省外贸平稳。\n跨境电商进出口增长12%，市场采购出口增长8%。",
     [("12%", "440000"), ("8%", "440000")]),
    # rankings and the whole of a fraction never govern: the province's share
    ("2025年安徽省政府工作报告\n汽车产业加快发展，整车出口量跃居全国首位，"
     "全国每出口4辆汽车就有1辆“安徽造”。新能源汽车产量增长5%。",
     [("首位", "340000"), ("4辆", "340000"), ("1辆", "340000"), ("5%", "340000")]),
    ("2024年江西省政府工作报告\n电子信息产业营收增长9%，全国每3部手机就有1部产自本省。",
     [("3部", "360000"), ("1部", "360000")]),
    # a modifier names no subject: 具有全国影响力的
    ("2025年合肥市政府工作报告\n打造具有全国影响力的科技创新策源地，新增高新技术企业2000家。"
     "建设全国性综合交通枢纽，完成投资300亿元。",
     [("2000家", "340100"), ("300亿", "340100")]),
    # a national document without place names: the country
    ("2024年国务院政府工作报告（摘录）\n过去一年，国内生产总值增长5.2%。城镇新增就业1244万人。",
     [("5.2%", "100000"), ("1244", "100000")]),
    # … but a province's report that thanks the State Council stays the province's
    ("2025年河南省政府工作报告\n在党中央、国务院坚强领导下，全省生产总值增长5.1%。规上工业增长8%。",
     [("5.1%", "410000"), ("8%", "410000")]),
    # no province named: unknown, never the country of a baseline or of a national figure
    (UNNAMED_PROVINCE, [("5.8%", None), ("0.6", None), ("4.6%", "100000"), ("7.5%", None), ("4%", None)]),
    ("过去一年，全市经济回升向好。安徽省下达的目标任务全面完成。地区生产总值增长5.8%，居全省第一。",
     [("5.8%", None)]),
    # a district's title line written as an address (city, then district) governs with the
    # district, paragraph after paragraph, not with the city named first
    ("成都市武侯区人民政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作。\n"
     "一年来，我们深入贯彻落实四川省委部署。\n地区生产总值增长6.1%，固定资产投资增长4.2%。",
     [("6.1%", "510107"), ("4.2%", "510107")]),
    # a new area that is a division of its own owns its report like any district
    ("政府工作报告——2025年1月9日在上海市浦东新区第七届人民代表大会第五次会议上\n"
     "一年来，全区经济稳中向好。\n经济指标稳步提升。一般公共预算收入同比增长4.6%，约占全市的22%。",
     [("4.6%", "310115"), ("22%", "310115")]),
    # 是中国重要的…之一: the field of a superlative; 北京非首都功能 and 北京来源 are no subjects
    ("2025年玉树州政府工作报告\n玉树州是全国重要的水源涵养地之一，其中3条大河发源于此。",
     [("3条", "632700")]),
    ("2025年武清区政府工作报告\n北京非首都功能疏解项目加速落地。全年引进项目86个，北京来源企业占比超过30%。",
     [("86个", "120114"), ("30%", "120114")]),
    # a county-level city's own news (its 全市), its prefecture named once: the city governs
    ("昆山市委召开上半年工作通报会。昆山全市实现地区生产总值2580亿元、增长5.1%。"
     "苏州市委常委、昆山市委书记出席会议。昆山将持续发力，昆山民营经济活力强劲。",
     [("2580", "320583"), ("5.1%", "320583")]),
    # anniversaries and national bodies in a report's opening sentence are no paragraph topic
    ("2025年吴兴区人民政府工作报告\n2024年是新中国成立75周年、全国人民代表大会成立70周年。"
     "全年地区生产总值增长5.2%，总量全市第二。",
     [("5.2%", "330502"), ("第二", "330502")]),
    # an address after a partner's word is the partner's (与北京石景山区); 引进 names where
    # what is brought in comes from
    ("2025年杭州市上城区政府工作报告\n与北京市海淀区签订合作协议，共建项目12个。"
     "累计引进上海企业35家，实际到位资金8.6亿元。",
     [("12个", "330102"), ("35家", "330102")]),
]


@pytest.mark.parametrize("text,checks", CASES, ids=[c[0][:16] for c in CASES])
def test_scope(tagger, text, checks):
    scope = tagger.scope(text, tagger.find(text))
    got = [(anchor, scope.region_at(text.index(anchor))) for anchor, _ in checks]
    assert got == checks


def test_scope_interface(tagger):
    text = "■ 辽宁\n增长5%。\n■ 吉林\n增长6%。"
    scope = tagger.scope(text, tagger.find(text))
    points = scope.breakpoints()
    assert points == sorted(points) and all(isinstance(offset, int) for offset, _ in points)
    assert scope.region_at(0) == points[0][1]
