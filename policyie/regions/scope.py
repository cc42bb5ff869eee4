"""Which region governs each sentence of a document.

Built once per document from the region matches:

* a sentence's own subject: the first place (or scope word such as 全省, 我市) of the sentence,
  skipping places that are only a baseline or comparison (高于全国, 居全省第一, 全国首个, 占全省,
  增速比全省快, 全国每4辆…就有1辆), visited or joined (与上海, 赴深圳), modifiers (具有全国影响力的)
  or joined into a route or project title (巴林—奈曼—阜新 500千伏工程); it governs from the start
  of its clause (消费增长4.5%，全国增长3.5%: the 4.5% is not the country's), and a later subject
  takes over from its clause;
* otherwise the region its paragraph opened with, when the paragraph's first sentence has one
  named place as its subject (news that reviews cities paragraph by paragraph: 苏州…。同时，…；
  规模以上工业总产值… stays 苏州's; a place named as the subject of a later sentence governs only
  that sentence);
* otherwise the section heading above it (``■ 辽宁``, a short line naming one place; photo
  captions such as ``△苏州工业园区`` are not headings);
* otherwise the document's own region (:meth:`RegionScope._main_region`: the opening, the
  reporter and scope words, the title, the most specific region the mentions agree on).

Scope words name the document's own region at their level: 全省/我省 a province, 全市/本市 a
city (or a municipality), 全区 an autonomous region or a district, 全县 a county, 全州 an
autonomous prefecture; 全国/我国 are matches of the country (100000).  A scope word whose unit is
not known stays null: it never stands for the country.

Everything a mention's context says (a subject or not) is read once per mention; sentences and
clauses are looked up only around subjects, so the cost follows the number of mentions.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from .lexicon import COUNTRY_WORDS
from .table import COUNTRY_CODE, LEVEL_RANK, DivisionTable

if TYPE_CHECKING:
    from .tagger import RegionMatch

SENTENCE_ENDS = "。！？!?；;\n"
CLAUSE_BREAKS = "，,：:"
HEADING_MARKS = set("■□●○◆◇★☆▶►【#")
CAPTION_MARKS = set("△▲")          # photo captions in news: not headings
MAX_HEADING = 30
MAX_TITLE_LINES = 3  # title, subtitle and date lines before the first paragraph
# scope word → the endings of the names it can stand for
SCOPE_WORDS = {
    "全省": ("省",), "我省": ("省",), "本省": ("省",), "全省域": ("省",),
    "全市": ("市",), "我市": ("市",), "本市": ("市",), "全市域": ("市",),
    "全区": ("自治区", "区"), "我区": ("自治区", "区"), "本区": ("区",), "全自治区": ("自治区",),
    "全县": ("县",), "我县": ("县",), "本县": ("县",),
    "全州": ("州",), "我州": ("州",), "全盟": ("盟",), "全旗": ("旗",),
}
FIXED_SCOPE = {"全疆": "650000", "全岛": "460000"}
# Every scope word, shortest first at a position (全省 before 全省域: the word is read as 全省).
_SCOPE_WORD = re.compile("|".join(sorted((*SCOPE_WORDS, *FIXED_SCOPE), key=len)))
# 我代表市人民政府 … : the report's level, said once at its start
_REPORTER = re.compile("代表(省|市|区|县|州|盟|旗|自治区|自治州)人民政府")
# the reporter's word → the name endings and the levels of the units it can be
_REPORTER_UNITS = {"省": (("省",), ("province",)), "市": (("市",), ("province", "prefecture", "county")),
                   "区": (("区",), ("county",)), "县": (("县",), ("county",)), "州": (("州",), ("prefecture",)),
                   "盟": (("盟",), ("prefecture",)), "旗": (("旗",), ("county",)),
                   "自治区": (("自治区",), ("province",)), "自治州": (("州",), ("prefecture",))}
ANY_LEVEL = ("province", "prefecture", "county")
# the highest level a scope word's name ending can stand for (全区: an autonomous region)
ENDING_LEVELS = {"省": "province", "自治区": "province", "市": "prefecture", "州": "prefecture",
                 "盟": "prefecture", "区": "county", "县": "county", "旗": "county"}
# Government words after a place in the opening make it the document's own region:
# 2025年合肥市政府工作报告, 在上海市第十六届人民代表大会, 昆明市第十五届人民代表大会第五次会议,
# and the agencies that publish figures (安徽省统计局发布, 记者从广东省商务厅获悉).
_AGENCIES = ("统计局|调查总队|发展和改革委员会|发展改革委|发改委|(?:人民)?政府新闻办(?:公室)?|新闻办(?:公室)?"
             "|(?:工业和信息化|工信|商务|科技|科学技术|财政|农业农村|人力资源和社会保障|人社|交通运输|生态环境"
             "|文化和旅游|文旅|自然资源|住房和城乡建设|住建|教育|卫生健康|卫健|市场监督管理|市场监管|能源|国资"
             "|地方金融监督管理|金融监管|海关|税务)(?:厅|局|委)")
_OWNER_AFTER = re.compile(r"(人民政府|政府工作报告|政府|第[一二三四五六七八九十\d]+届人民代表大会|人民代表大会|人大"
                          r"|国民经济和社会发展|统计公报|20\d\d年国民经济"
                          r"|(?:市|省|区|县|州)(?:长|委书记)"
                          r"|(?:省|市|自治区|区|县|州)?(?:" + _AGENCIES + "))")
# A national document says so in its title or its opening: 国务院政府工作报告, 国务院总理,
# 中共中央 国务院关于…的意见 (the place owner, when there is one, is looked for first).
_NATIONAL_TITLE = re.compile("国务院|中共中央|全国人民代表大会|全国人大")
_MINISTRIES = ("(?:工信部|工业和信息化部|国家发展改革委|国家发改委|商务部|财政部|科技部|海关总署"
               "|国家统计局|国务院新闻办(?:公室)?|国新办|中国人民银行|国家能源局|农业农村部"
               "|生态环境部|交通运输部|人力资源和社会保障部|人社部|国家数据局|国家知识产权局)")
_NATIONAL_OPENING = re.compile("国务院(?:总理|政府工作报告)"
                               # a ministry that publishes: 工信部公布…名单, 海关总署在…发布会上发布
                               "|" + _MINISTRIES + "[^。！？\n]{0,20}?(?:公布|发布|印发|通报|介绍)"
                               # 记者从农业农村部获悉: the ministry's figures
                               "|从" + _MINISTRIES + "获悉")
OPENING = 160        # characters of the opening in which a report names its own region
# A province's one-character name after 来 in a visit (总书记来陕考察, 来川视察): in a province's own
# report that never names it, the province (宁, 新, 青 … also name cities or countries: left out).
PROVINCE_CHARACTERS = {"京": "110000", "津": "120000", "沪": "310000", "渝": "500000", "冀": "130000",
                       "晋": "140000", "蒙": "150000", "辽": "210000", "黑": "230000", "苏": "320000",
                       "浙": "330000", "皖": "340000", "闽": "350000", "赣": "360000", "鲁": "370000",
                       "豫": "410000", "鄂": "420000", "湘": "430000", "粤": "440000", "桂": "450000",
                       "琼": "460000", "川": "510000", "黔": "520000", "滇": "530000", "藏": "540000",
                       "陕": "610000", "陇": "620000", "疆": "650000"}
_VISITED = re.compile("来([" + "".join(PROVINCE_CHARACTERS) + "])(?:考察|视察|调研)")

# Before these a place is a baseline, compared with, visited or joined, not the subject.
NOT_SUBJECT_BEFORE = ("高于", "低于", "超过", "超出", "快于", "慢于", "好于", "优于", "领先", "与", "和", "同", "跟",
                      "比", "较", "赴", "到", "至", "向", "对", "来自", "占", "从", "为", "居", "列", "保持", "排名",
                      "在", "及", "、", "领跑", "跑赢", "跻身", "进入", "入选", "具有", "具备", "拥有",
                      # lists and titles a thing enters: 纳入全国名特优新农产品名录, 获评全国文明城市
                      "纳入", "列入", "入围", "获评", "荣获", "评为", "列为", "创建", "创成", "争创",
                      # visits: 亲临青海考察, 视察河南重要讲话 (the place visited, not the report's subject)
                      "亲临", "莅临", "视察", "考察", "调研", "来到", "访问", "出访", "走进",
                      # where what is brought in comes from: 引进北京资源, 承接上海产业转移
                      "引进", "承接", "吸纳",
                      # partners and those helped: 广东携手广西, 帮助广西、贵州40.7万农村劳动力实现就业
                      "携手", "帮助")
# 创建15个全国示范村: a place after a count names the kind of thing counted (\Z, not $: a count at the
# end of the line before does not count).
_AFTER_COUNT = re.compile(r"[\d一二三四五六七八九十百千万两余多]+[个家项座批条所名处支件类种]\Z")
# After these the place is the field of a ranking or a record: 全省第一, 全国首个, 全国前列,
# 全国十强, 全国平均, 全国城市 “双第一”; a modifier: 全国性, 全国影响力, 全省乃至全国; the whole of a
# fraction: 全国每出口4辆汽车就有1辆 (the share is the region that makes the one).
_BASELINE_AFTER = re.compile(r"(第|首|前列|非首都功能|来源|前茅|前[一二三四五六七八九十\d]|领先|最|平均|均值|水平|之首|唯一|率先"
                             r"|[一二三四五六七八九十百千\d]+强|城市|省会城市|同类|排名|位次|同期|总量的|的比重"
                             r"|性|影响力|知名|闻名|乃至|每[^，。；,;！？]{1,16}?就(?:有|是))")
# A ranking list named after the place: 中国工业百强区排名第38位, 全国综合实力百强县, 中国企业500强
# (the place is the list's field; what ranks in it is the sentence's own region).
_RANKING_LIST_AFTER = re.compile(r"[^，。；、,;！？\s]{0,8}?[百千\d]+强")
# A designation named by its level, the object of a verb: 推进全国农业科技现代化先行县共建工作,
# 争创全国文明典范城市 (the level of a kind of thing, like 河北省重点项目).
_DESIGNATION_AFTER = re.compile(r"[\u4e00-\u9fff]{0,12}?(?:示范|试点|先行|先进|标杆|样板|模范|典范)"
                                r"(?:县|区|市|村|镇|乡|城市|单位|企业|园区|基地|社区)")
_DESIGNATION_MARK = re.compile("示范|试点|先行|先进|标杆|样板|模范|典范")
# 是全市基础设施最全的, 成为全省唯一: the place is the field of a superlative.
_SUPERLATIVE_AFTER = re.compile(r"[^，。；,;！？\s]{0,10}?(?:最|唯一|首[个家座批])|[^，。；,;！？\s]{0,20}?之一")
DASHES = set("—–－-")
CLAUSE_OPENING = set("，,。；;：:\n")
OPEN_QUOTES = set("“‘「『《\"")
# 该市, 该区 … in news: the unit of that kind named last before it (南昌…。今年该市…目标是).
ANAPHORA = {"该省": ("省",), "该市": ("市",), "该区": ("区",), "该县": ("县",), "该州": ("州",)}
_ANAPHORA = re.compile("(?:" + "|".join(ANAPHORA) + ")(?![域场])")   # not 该区域, 该市场
ANAPHORA_REACH = 400   # characters back in which its unit must have been named
# The country before these is an anniversary or a national body, not what a paragraph is about
# (2024年是新中国成立75周年、全国人民代表大会成立70周年。全年… in a district's report).
_COUNTRY_EVENT_AFTER = re.compile("成立|人民代表大会|人民政治协商会议|人大|政协")
# 芜湖和马鞍山两地, 淮北、宿州两市, 甲乙双方: places named together as one subject — what the sentence
# says of them is joint, no one region's.
_JOINT_AFTER = re.compile(r"(?:[两二三四五六七八九十几多](?:地|市|省|区|县|州|国|城|方|旗|盟)|双方|等地)")
JOINERS = ("、", "和", "与", "及", "同")
DATELINES = ("新华社", "中新社", "中新网", "本报", "央视网", "人民网", "新华网")
# 河北省重点项目, 浙江省级专精特新企业, 国家首批: a kind of thing, named by the level that lists it.
_KIND_AFTER = re.compile(r"(重点|级|首批|示范|认定|评定|授予|命名|统一|部署|安排|要求|下达|委|政府)")
ROUTE_JOINS = set("—–－-~～至到")
# The last characters of everything read before a place, the first ones of everything read
# after it: most places have neither, and their context need not be read further.
_BEFORE_LAST = frozenset(word[-1] for word in (*DATELINES, *NOT_SUBJECT_BEFORE, "在", "是")) | frozenset("个家项座批条所名处支件类种")
_AFTER_FIRST = frozenset("非来第首前领最平均水之唯率城省同排位总的性影知闻乃每重级示认评授命统部安要下委政"
                         "一二三四五六七八九十百千")

# What a mention's context says of it, read once: not a subject, a subject, or a subject unless
# it names a unit above the document's own (河北省重点项目 in a city's report).
NO, YES, UNLESS_ABOVE = 0, 1, 2


class Subject(NamedTuple):
    offset: int
    code: str | None
    scope_word: str | None = None    # 全省, 我市 …: resolved against the section it stands in
    named: bool = False              # a place named in the text (not a scope word)


class RegionScope:
    def __init__(self, text: str, matches: list["RegionMatch"], table: DivisionTable):
        self.text = text
        self.table = table
        self.matches = sorted(matches, key=_START)
        self._routes = _route_members(text, self.matches)
        self._codes = [_code_of(m) for m in self.matches]
        self._status = [self._subject_status(m.start, m.end) for m in self.matches]
        self._merge_addresses()
        self._joint = _joint_subjects(text, self.matches)
        self._scope_words = self._find_scope_words()
        self._word_codes: dict[tuple[str, str | None], str | None] = {}
        self._named: dict[tuple[str, ...], str | None] = {}
        self.main = None   # set below; until then no mention is known to lie above it
        self.main = self._main_region()
        self._points: list[tuple[int, str | None]] = self._build()
        self._offsets = [offset for offset, _ in self._points]

    def _merge_addresses(self) -> None:
        """A unit written right before a unit inside it is that unit's address (重庆市渝中区,
        北京石景山区): the inner unit is the subject, with what stands before the address (与北京
        石景山区: a partner), and the outer one is no subject of its own — a title line 天津市河北区
        人民政府 governs with the district, not with the city."""
        matches, codes, status = self.matches, self._codes, self._status
        for index in range(len(matches) - 1):
            outer, inner = matches[index], matches[index + 1]
            if outer.end != inner.start or codes[index] is None or codes[index + 1] is None \
                    or outer.level == "zone" or inner.level == "zone" and inner.code is None:
                continue   # 天津市|滨海新区: a new area that is a division of its own is an inner unit
            if codes[index] in self.table.ancestors(codes[index + 1]):
                if status[index] == NO and self.text[outer.start - 1:outer.start] != "在":
                    status[index + 1] = NO   # 与北京石景山区: a partner; 在广东广州设立…: where, kept
                status[index] = NO

    # -- public -------------------------------------------------------------
    def region_at(self, offset: int) -> str | None:
        index = bisect_right(self._offsets, offset) - 1
        return self._points[index][1] if index >= 0 else self.main

    def breakpoints(self) -> list[tuple[int, str | None]]:
        """(offset, code) where the governing region may change, in order."""
        return list(self._points)

    # -- document region ----------------------------------------------------
    def _main_region(self) -> str | None:
        """The report's own region: named with a government word in its opening (or the country
        for a national document); else the most mentioned unit of the level its scope words speak
        of (全市 → a city); else the title's region; else the most specific region that the
        mentions agree on — unless that lies above the scope words' level (the country for 全省,
        a province for 全市): then none, the region is unknown."""
        opening_end = self._opening_end()
        owner = self._opening_owner(opening_end)
        if owner is not None:
            return owner
        if self._is_national(opening_end):
            return COUNTRY_CODE
        votes, direct = self._votes()
        level = self._report_level()
        if level is not None:
            endings, levels = level
            at_level = [code for code in votes if code != COUNTRY_CODE and self.table.get(code).level in levels
                        and self.table.get(code).name.endswith(endings)]
            if at_level:
                top = max(votes[code] for code in at_level)
                # a county-level city's own report (晋江…全市) gives its prefecture as many votes
                # as itself and one more: among the units close to the top, the one named most
                # often itself wins, then the most votes, then the higher unit
                close = [code for code in at_level if votes[code] * 4 >= top * 3]
                return max(close, key=lambda code: (direct.get(code, 0) * 2 > votes[code],
                                                    votes[code], -len(self.table.ancestors(code))))
        found = self._title_region() or _most_specific(votes, direct, self.table)
        if level is not None and (found is None or not self._may_be_own(found, level[0])):
            # 全省 in a text that names no province: unknown, not the country — unless the text
            # says which province was visited by its one-character name (来陕考察, 来川视察)
            visited = _VISITED.search(self.text)
            code = PROVINCE_CHARACTERS[visited.group(1)] if visited else None
            division = self.table.get(code) if code else None
            return code if division is not None and division.name.endswith(level[0]) else None
        return found

    def _may_be_own(self, code: str, endings: tuple[str, ...]) -> bool:
        """Whether ``code`` can be the unit the scope words speak of: not the country, and not
        a unit above their level (a province for 全市, unless a municipality)."""
        division = self.table.get(code)
        if code == COUNTRY_CODE or division is None:
            return False
        if division.name.endswith(endings):
            return True
        return LEVEL_RANK[division.level] >= min(LEVEL_RANK[ENDING_LEVELS[ending]] for ending in endings)

    def _opening_end(self) -> int:
        """End of the opening: the title lines (no sentence ends in them) and the first paragraph,
        at most OPENING characters — the second story of a news digest is not its owner."""
        text, position = self.text, 0
        for _ in range(MAX_TITLE_LINES + 1):
            line_end = text.find("\n", position)
            if line_end < 0 or line_end >= OPENING:
                return min(len(text), OPENING)
            if "。" in text[position:line_end]:
                return line_end
            position = line_end + 1
        return min(position, OPENING)

    def _opening_owner(self, opening_end: int) -> str | None:
        for match, code in zip(self.matches, self._codes):
            if match.start >= opening_end:
                break
            if code is not None and (match.level != "zone" or match.code is not None) \
                    and _OWNER_AFTER.match(self.text, match.end):
                return code   # a zone that is a division of its own (滨海新区第四届人民代表大会) owns too
        return None

    def _is_national(self, opening_end: int) -> bool:
        line_end = self.text.find("\n")
        title = self.text[:line_end] if 0 <= line_end <= 60 else ""
        return bool(_NATIONAL_TITLE.search(title) or _NATIONAL_OPENING.search(self.text, 0, opening_end))

    def _title_region(self) -> str | None:
        """The first place of the first line, when that line is a title (short, no full stop)."""
        line_end = self.text.find("\n")
        if line_end < 0 or line_end > 60 or "。" in self.text[:line_end]:
            return None
        for match, code in zip(self.matches, self._codes):
            if match.start >= line_end:
                break
            if code is not None:
                return code
        return None

    def _votes(self) -> tuple[Counter, Counter]:
        """Mentions that can be subjects: each votes for its unit and the units above it (every
        全疆 and 全岛 too, subjects or not).  Counted per unit, then spread over the units above."""
        direct: dict[str, int] = {}
        for code, status in zip(self._codes, self._status):
            if code is not None and status != NO:
                direct[code] = direct.get(code, 0) + 1
        for _, word, _ in self._scope_words:
            code = FIXED_SCOPE.get(word)
            if code is not None:
                direct[code] = direct.get(code, 0) + 1
        votes: dict[str, int] = {}
        for code, count in direct.items():
            votes[code] = votes.get(code, 0) + count
            for unit in self.table.ancestors(code):
                votes[unit] = votes.get(unit, 0) + count
        return Counter(votes), Counter(direct)

    def _report_level(self) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """The name ending of the report's own unit, from its scope words (全市, 我省 …) and
        from 我代表市人民政府; None when they do not say."""
        reporter = _REPORTER.search(self.text, 0, OPENING * 2)
        if reporter is not None:   # 我代表市人民政府: said by the report itself, it decides
            return _REPORTER_UNITS[reporter.group(1)]
        counts: Counter = Counter()
        for _, word, status in self._scope_words:   # 居全省第一 is said of a city, not of a province
            if len(word) == 2 and word in SCOPE_WORDS and status != NO:
                counts[SCOPE_WORDS[word]] += 1
        if not counts:
            return None
        return counts.most_common(1)[0][0], ANY_LEVEL

    def _scope_word_code(self, word: str, base: str | None) -> str | None:
        key = (word, base)
        if key not in self._word_codes:
            self._word_codes[key] = self._resolve_scope_word(word, base)
        return self._word_codes[key]

    def _resolve_scope_word(self, word: str, base: str | None) -> str | None:
        """The unit a scope word stands for, seen from ``base`` (the section's or the
        document's region): 全省 in a city's report is that city's province; never the country."""
        if word in FIXED_SCOPE:
            return FIXED_SCOPE[word]
        endings = SCOPE_WORDS[word]
        division = self.table.get(base)
        if division is not None and base != COUNTRY_CODE and division.name.endswith(endings):
            return base
        # the base region's own province/city when the word names a level above it
        for code in self.table.ancestors(base) if base else ():
            division = self.table.get(code)
            if division and division.name.endswith(endings):
                return code
        named = self._most_named(endings)
        if named is not None:
            return named
        return base if base != COUNTRY_CODE else None

    def _most_named(self, endings: tuple[str, ...]) -> str | None:
        """The division named most often (first on a tie) whose name has one of ``endings``."""
        if endings not in self._named:
            counts = Counter(match.code for match in self.matches
                             if match.code and match.level in ANY_LEVEL and match.name.endswith(endings))
            self._named[endings] = counts.most_common(1)[0][0] if counts else None
        return self._named[endings]

    # -- sentences ------------------------------------------------------------
    def _build(self) -> list[tuple[int, str | None]]:
        """Breakpoints: at each subject's clause, after each sentence that has subjects (back to
        the section's region, or to the paragraph's topic), at the end of a topic's paragraph."""
        text, size = self.text, len(self.text)
        backwards = text[::-1]   # the last break before an offset is the first one after it here
        points: list[tuple[int, str | None]] = [(0, self.main)]   # merged at the end
        add = points.append
        section = self.main
        carry_end = -1           # where the paragraph's topic stops governing, if one governs
        topic, topical_until = None, -1   # the region a paragraph opened with, and where it ends
        for start, end, ending, own in self._sentences_with_subjects(backwards):
            if 0 <= carry_end <= start:
                add((carry_end, section))   # a new paragraph: its topic ends
                carry_end = -1
            codes = [s.code if s.scope_word is None else self._scope_word_code(s.scope_word, section) for s in own]
            if (ending == "\n" or text[start] in HEADING_MARKS or text[start].isspace()) \
                    and self._is_heading(start, end - 1 if ending else end, ending or "\n"):
                section = codes[0]
            previous = start - 1
            for subject, code in zip(own, codes):
                offset = subject.offset
                clause = start
                if offset > start:
                    found = _CLAUSE_BREAK.search(backwards, size - offset, size - start)
                    if found is not None:
                        clause = size - found.start()
                add((clause if clause > previous else offset, code))
                previous = offset
            paragraph_end = end if ending == "\n" else _paragraph_end(text, end)
            if start == 0 or text[start - 1] == "\n":   # the paragraph's first sentence
                single = own[0].named and codes[0] is not None and len(set(codes)) == 1 \
                    and not self._is_above_main(codes[0])   # a list is no topic, nor is the city in a district's report
                topic, topical_until = (codes[0], paragraph_end) if single else (None, -1)
            if start < topical_until and end < paragraph_end:
                add((end, topic))   # 苏州…。同时，…；规模以上…: still 苏州's
                carry_end = paragraph_end
            else:
                carry_end = -1
                if end < size:
                    add((end, section))
        if 0 <= carry_end < size:
            add((carry_end, section))
        return _merged(points)

    def _sentences_with_subjects(self, backwards: str) -> list[tuple[int, int, str, list[Subject]]]:
        """(start, end, the ending character or "" at the text's end, subjects) of each sentence
        that has subjects; sentences are looked up around subjects only."""
        text, size = self.text, len(self.text)
        subjects = self._subjects()
        offsets = [subject.offset for subject in subjects]
        sentences = []
        index, count, floor = 0, len(subjects), 0
        while index < count:
            offset = offsets[index]
            found = _SENTENCE_END.search(backwards, size - offset, size - floor)
            start = size - found.start() if found else floor
            found = _SENTENCE_END.search(text, offset)
            end = found.end() if found else size
            first = index
            index += 1
            while index < count and offsets[index] < end:
                index += 1
            sentences.append((start, end, text[end - 1] if found else "", subjects[first:index]))
            floor = end
        return sentences

    def _is_heading(self, start: int, end: int, ending: str) -> bool:
        if ending != "\n" and self.text[start:start + 1] not in HEADING_MARKS and not self.text[start:start + 1].isspace():
            return False   # most sentences: not a line of their own, no mark
        line = self.text[start:end].strip()
        if not line or line[0] in CAPTION_MARKS:
            return False
        if ending != "\n" or "，" in line or "," in line or "。" in line:
            return False   # a line of its own, no comma or stop (■ 辽宁, ● 广州：; not ●广州经济总量突破3万亿元；)
        if line[0] in HEADING_MARKS:   # ●广州经济总量突破3万亿元 (no stop): a bullet's figure
            return _FIGURE.search(line) is None
        return len(line) <= MAX_HEADING

    def _subjects(self) -> list[Subject]:
        """Every place and scope word that can be a clause's subject, in text order (a scope
        word inside a place name, 全州 in 全州县, is part of that name)."""
        found = []
        divisions_govern = self.main not in (None, COUNTRY_CODE)
        for match, code, status in zip(self.matches, self._codes, self._status):
            if match.level == "group" and divisions_govern:
                continue   # 晋北风光基地 in a city's report: part of a name, not a joint subject
            if status == YES or status == UNLESS_ABOVE and not self._is_above_main(code):
                if match.start in self._joint:
                    code = None   # 芜湖和马鞍山两地…: a joint subject
                found.append(Subject._make((match.start, code, None, True)))
        if "该" in self.text:
            found.extend(self._anaphora())
            found.sort(key=lambda subject: subject.offset)
        if self._scope_words:
            covered = {i for m in self.matches for i in range(m.start, m.end)}
            for position, word, status in self._scope_words:
                if position not in covered and status != NO:   # no scope word names a unit above
                    found.append(Subject._make((position, None, word, False)))
            found.sort(key=lambda subject: subject.offset)
        return found

    def _anaphora(self) -> list[Subject]:
        """该市, 该区 …: a subject that stands for the last unit of its kind named before it (not
        one that is only a baseline or a partner); none when no such unit was named shortly before."""
        found = []
        starts = [match.start for match in self.matches]
        joint = {index for index, match in enumerate(self.matches) if match.start in self._joint}
        for hit in _ANAPHORA.finditer(self.text):
            endings = ANAPHORA[hit.group()]
            for index in range(bisect_right(starts, hit.start()) - 1, -1, -1):
                match = self.matches[index]
                if match.start < hit.start() - ANAPHORA_REACH:
                    break
                if match.code and match.level in ANY_LEVEL and match.name.endswith(endings) \
                        and self._status[index] != NO and index not in joint:
                    found.append(Subject._make((hit.start(), match.code, None, True)))
                    break
        return found

    def _find_scope_words(self) -> list[tuple[int, str, int]]:
        """(start, word, subject status) of every scope word."""
        return [(found.start(), found.group(), self._subject_status(found.start(), found.end()))
                for found in _SCOPE_WORD.finditer(self.text)]

    def _subject_status(self, start: int, end: int) -> int:
        """Not a baseline (居全国第5位, 全省首个, 高于全国), a partner (与上海), a stop of a route
        or a modifier of a kind of thing (河北省重点项目 in a city's report: UNLESS_ABOVE, decided
        once the document's region is known); 在深圳， is a topic."""
        text = self.text
        cue_end = start - 1 if text[start - 1:start] in OPEN_QUOTES and start > 1 else start
        if text[cue_end - 1:cue_end] in _BEFORE_LAST:   # the cues before a place all end in one of these
            before = text[max(0, cue_end - 3):cue_end]   # 被评为“福建省…”: read through the quote
            if before.endswith(DATELINES):
                return NO   # 新华社北京1月5日电: where the news was filed
            if before.endswith("在") and text[end:end + 1] in ("，", ",") and cue_end == start:
                return YES
            if before.endswith(NOT_SUBJECT_BEFORE):
                return NO
            if _AFTER_COUNT.search(text, max(0, cue_end - 6), cue_end):
                return NO
            if before.endswith(("是", "成为")) and _SUPERLATIVE_AFTER.match(text, end):
                return NO
        if start in self._routes:
            return NO
        after = text[end:end + 1]
        if after in DASHES and text[end + 1:end + 2] not in DASHES:
            return NO   # 中国—东盟, 中国-菲律宾经贸创新发展示范园区: a partner's name, not a subject
        if "强" in text[end:end + 12] and _RANKING_LIST_AFTER.match(text, end):
            return NO
        if _COUNTRY_EVENT_AFTER.match(text, end) and text[start:end] in COUNTRY_WORDS:
            return NO   # 新中国成立75周年, 全国人民代表大会成立70周年: an anniversary, a national body
        if _DESIGNATION_MARK.search(text, end, end + 16) and _DESIGNATION_AFTER.match(text, end):
            return UNLESS_ABOVE
        if after not in _AFTER_FIRST and not after.isdigit():   # nor does anything after it start otherwise
            return YES
        if text.startswith("排名", end) and (start == 0 or text[start - 1] in CLAUSE_OPENING) \
                and text[start:end] not in COUNTRY_WORDS:
            return YES   # 。滁州市排名第三: the place ranked, not the field (全国排名第5)
        if _BASELINE_AFTER.match(text, end):
            return NO
        return UNLESS_ABOVE if _KIND_AFTER.match(text, end) else YES

    def _is_above_main(self, code: str | None) -> bool:
        """``code`` names a unit that contains the document's own region."""
        main = self.main
        return main is not None and code is not None and code != main and code in self.table.ancestors(main)


_START = attrgetter("start")
_SENTENCE_END = re.compile("[" + SENTENCE_ENDS + "]")
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?![\d.]|年)")   # a figure, not a year
_CLAUSE_BREAK = re.compile("[" + CLAUSE_BREAKS + "]")


def _code_of(match: "RegionMatch") -> str | None:
    if match.level == "zone":
        return match.code or match.parent
    return match.code if match.level != "group" else None


def _paragraph_end(text: str, position: int) -> int:
    """Start of the next paragraph (after the line end at or after ``position``), or the text's end."""
    line_end = text.find("\n", position)
    return len(text) if line_end < 0 else line_end + 1


def _most_specific(votes: Counter, direct: Counter, table: DivisionTable) -> str | None:
    """Walk down from the country while one unit holds most mentions below the current one and
    the current one is not mentioned much more on its own (浙江 ×10, 杭州 ×1 stays 浙江; 河北 ×2,
    邯郸 ×2 goes to 邯郸).  The country stays when it is named as a subject at least as often as
    the leading province (a national report names many places once each)."""
    if not votes:
        return None
    node = COUNTRY_CODE
    while True:
        children = [code for code in votes if code != node and table.get(code)
                    and table.get(code).parent == node]
        if not children:
            return node if node != COUNTRY_CODE or direct[node] else None
        best = max(children, key=lambda code: (votes[code], code))
        below = sum(votes[code] for code in children)
        if 2 * votes[best] <= below and len(children) > 1:
            return node if node != COUNTRY_CODE or direct[node] else best
        if node == COUNTRY_CODE and direct[node] >= votes[best]:
            return node
        if node != COUNTRY_CODE and 2 * votes[best] < direct[node]:
            return node
        node = best


def _joint_subjects(text: str, matches: list["RegionMatch"]) -> set[int]:
    """Starts of the first places of lists: places enumerated with 、 (浙江、河南、四川…均位列全国
    前十) or closed by a count of places (芜湖和马鞍山两地, 淮北、宿州两市) are one joint subject."""
    joint, first, listed = set(), 0, False
    counted = _JOINT_AFTER.search(text) is not None
    for index, match in enumerate(matches):
        if index > first:
            joiner = text[matches[index - 1].end:match.start]
            if joiner not in JOINERS:
                first, listed = index, False
            elif joiner == "、":
                listed = True
        if index > first and (listed or counted and _JOINT_AFTER.match(text, match.end)):
            joint.add(matches[first].start)
    return joint


def _route_members(text: str, matches: list["RegionMatch"]) -> set[int]:
    """Starts of places joined by dashes or 至 into a route or a project title."""
    members = set()
    for before, after in zip(matches, matches[1:]):
        if 1 <= after.start - before.end <= 2 and all(ch in ROUTE_JOINS for ch in text[before.end:after.start]):
            members.update((before.start, after.start))
    return members


def _merged(points: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
    """The breakpoints where the region changes: of points at one offset the last counts, and a
    point that repeats the region before it goes."""
    merged: list[tuple[int, str | None]] = []
    for point in points:
        if merged and merged[-1][0] == point[0]:
            merged.pop()
        if not merged or merged[-1][1] != point[1]:
            merged.append(point)
    return merged
