"""Finding the places named in a text: candidates from one scan, vetoes, tiling, zones, codes.

The steps of :meth:`RegionTagger.find`, each a small function below:

1. one scan of the lexicon gives every place candidate and every vetoing word;
2. candidates that sit inside a blocking phrase (中国式现代化, 长安汽车), that cut through a word
   (航天|等 hides 天等: the segmenter's boundaries, or junction words in character mode) or that
   are followed by a place feature (清水湾) are dropped;
3. the survivors are tiled: the set of non-overlapping candidates that covers most text wins
   (青海|西宁 beats 海西);
4. places that start a proper name (北京大学, 天津港, 酒泉卫星发射中心) are dropped unless they are
   the ends of a route (银川至昆明高速), and so are places inside brands and titles (:mod:`.brands`);
   places that start a development zone grow into a zone record (合肥经开区), names that are also
   everyday words (新兴, 东方) stay only with a cue (a parent before them, an enumeration of places);
5. names with several senses are resolved from context (:mod:`.resolve`);
6. names read back from a type word are added (:mod:`.areas`: 南京都市圈, 新站高新区).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, NamedTuple, Optional

from .areas import GROUP_TYPES, AreaFinder
from .brands import drop_brands
from .lexicon import MAX_NAME_GAP, NAME_BREAK, RegionLexicon, Sense, Surface
from .resolve import resolve_all
from .scope import RegionScope
from .table import COUNTRY_CODE, DivisionTable
from .zones import ZoneFinder

Boundary = Optional[Callable[[int], bool]]

# A one-character place feature right after a weak name makes it part of a smaller place name:
# 清水湾, 大关村, 东方路.  港 is a port after any place (天津港) unless 港澳 follows.
PLACE_FEATURES = set("湾湖岛村镇乡街路寺峡桥站巷庄屯")
STREET_WORDS = ("路", "街", "巷", "大道", "片区", "中路", "东路", "西路", "南路", "北路", "社区", "小区", "新村", "花园")
FEATURE_STARTS = PLACE_FEATURES | {word[0] for word in STREET_WORDS}
GLUED_TYPE_WORDS = {"市场", "市民", "市值", "市面", "市容", "区域", "区间", "县域", "市圈"}
# A two-character full name (和县, 新县) after a character that is no place's end, with a word of
# government or level starting at its type character: 市委和|县委, 省市和|县级, 建设新|县城 — the
# first character ends the word before (a conjunction, an adjective), the type character starts
# the next.  (A place right before it keeps it: 马鞍山和县委.)
TYPE_WORD_STARTS = set("委级城乡直政长")
CONJUNCTION_STARTS = set("和新")   # 和 a conjunction, 新 an adjective (新|县城); not 在邱县城乡
# 科教兴|县, 产业兴|县, 旅游富|县: a slogan's verb, not 兴县 or 富县 (after a word, not after a
# preposition or a place: 在兴县, 吕梁兴县).
SLOGAN_VERBS = set("兴富强立治")
NOT_SLOGAN_BEFORE = set("在赴到至和与及对从向于由经同")
SLOGAN_AFTER = ("富民", "强县", "兴业", "惠民", "利民", "安民", "兴市", "强市", "富县", "兴县", "强区")   # 兴县富民
# 村集体和|县、乡: levels listed after a two-character county's type character.
LEVEL_LIST_AFTER = ("、乡", "、镇", "、村", "、市", "、区", "、省")
# 代县长, 副县长: a title's prefix before a two-character county's type character and 长.
TITLE_PREFIXES = set("代副原前")
# A person's name in a list of names (谢良宽、熊枝江、陈长青): a common surname and a county's short
# name as the given name, the three characters standing alone between list marks.
SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏"
               "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
               "万钱严覃武戴莫孔汤柯饶盛齐盖屈牛鲁冉")   # not 于, 向: words before places (于长春召开)
# …and a person's name after a title (记者王亚东, 市长 田凤山) or before what only people do
# (张万年出席, 高玉林等人, 刘安庆主持): the place-like given name is no place.
_TITLE_BEFORE = re.compile(r"(?:记者|书记|主任|主席|委员|代表|总理|教授|院士|研究员|工程师|指导员|经理|同志|老师"
                           r"|[局市省县区镇乡村州旗厅处科部校院所行会队社]长|董事长|理事长|秘书长)\s*\Z")
_PERSON_AFTER = re.compile(r"(?:说|表示|指出|认为|介绍|强调|透露|报道|主持|出席|等人|等同志|同志|女士|先生|一行"
                           r"|讲话|致辞|宣布|摄)")
NAME_LIST_BEFORE = set("、，,：:（(\n ")
NAME_LIST_AFTER = set("、，,。；;：:）)\n 等和")
# An everyday-word name that starts the name of a group (天山北坡城市群) stays for it to be read.
GROUP_NAME_AFTER = re.compile(r"[^，。、；：！？,.;:!?\s的和与及]{0,6}?(?:" + "|".join(GROUP_TYPES) + ")")
NUMERALS = set("0123456789０１２３４５６７８９一二三四五六七八九十百两零〇.")
# 生产总值 after 地区: 毕节|地区生产总值 is 毕节, not the old 毕节地区.
GDP_AFTER_REGION = "生产总值"
PORT = "港"
SCOPE_COUNTRY_WORDS = ("我国",)   # not 全国: 全国重点实验室 is a name
# Names that end in an everyday word (都市 of 都市圈, 大都市) are not given to the segmenter whole.
SPLIT_ENDINGS = ("都市",)
NOT_PORT_AFTER = set("澳台股人")
# Between a place and the head of the proper name it starts only name characters may stand,
# not the NAME_BREAKS of the lexicon.
DIVISION_TYPES = set("省市区县州盟旗")
NAME_BREAK_WORDS = ("建设", "建立", "设立", "成立", "周围", "周边", "境内", "推进", "推动", "打造", "发展", "加快", "支持", "实施", "引进", "落户", "签约",
                    "联合开发", "合作开发", "共同", "携手",
                    "新增", "拥有", "培育", "形成", "成为", "建成", "完成", "实现", "开展", "举办", "召开",
                    "政府", "委员会", "人大", "政协", "省委", "市委", "区委", "县委",
                    "首个", "首家", "首座", "首批", "首条", "唯一")   # 广州首个榕树公园: no name holds a superlative
# A place in parentheses right before these is the seat written into a company's name.
COMPANY_AFTER_PARENTHESES = ("有限公司", "有限责任公司", "股份有限公司", "股份公司", "集团", "分公司", "公司")
# 中心 of an aim (国际科技创新中心, 国际消费中心城市) is not a facility.
CONCEPT_CENTRE_MARKERS = ("国际", "科技创新", "区域", "全国性", "金融", "贸易", "航运", "消费", "物流")
# Before these a direction word standing alone is a baseline region (领先东北, 高于西部).
GROUP_BASELINE_BEFORE = ("领先", "好于", "高于", "低于", "快于", "慢于", "优于")
# Between these a direction word is the field of a rank (居西部第1, 位居东北前列).
GROUP_RANK_BEFORE = ("居", "保持", "列", "领跑")
GROUP_RANK_AFTER = re.compile(r"第[一二三四五六七八九十\d]|首位|前列|前[一二三四五六七八九十\d]")
# A rank listed right before it: 居全国第14、西部第2.
GROUP_RANK_LISTED = re.compile(r"(?:第[一二三四五六七八九十\d]+位?|首位|前列)、\Z")
COUNTRY_BEFORE_GROUP = ("中国", "我国")
# A count of provinces after a direction word: 东部8个省市, 西部10个省区市, 中部六省 is a cue above.
GROUP_COUNT_CUE = re.compile(r"[\d一二三四五六七八九十]+个省")
# After these a direction word (东部, 西部 …) is a group of provinces.
GROUP_CUES = ("地区", "省份", "省区", "省市", "各省", "三省", "六省", "十二省", "十省", "大开发", "崛起",
              "振兴", "全面振兴", "沿海", "城市", "非省会城市", "区域", "片区", "老工业基地")


class RegionMatch(NamedTuple):
    """A region record (immutable; a named tuple because thousands are built per megabyte)."""

    start: int
    end: int
    text: str
    code: str | None
    name: str
    level: str
    candidates: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    parent: str | None = None


@dataclass(slots=True)
class Candidate:
    """A place name found in the text, with everything that can be said of it so far."""

    start: int
    end: int
    surface: Surface                # the string found and its senses (see lexicon.Surface)
    zone: Sense | None = None       # set when the candidate grew into a development zone
    text_override: str | None = None
    chosen: Sense | None = None     # filled by resolve
    options: tuple[str, ...] = ()   # candidate codes when still ambiguous

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def senses(self) -> tuple[Sense, ...]:
        return self.surface.senses

    @property
    def ordinary(self) -> bool:
        return self.surface.ordinary

    @property
    def weak(self) -> bool:          # county short names and the like: easy to find by accident
        return self.surface.weak

    @property
    def short(self) -> bool:         # written without its type word
        return self.surface.short


class RegionReading(NamedTuple):
    """What :meth:`RegionTagger.read` finds in one text."""

    matches: list[RegionMatch]
    scope: RegionScope
    proper_names: list[tuple[int, int]]


@dataclass(slots=True)
class ScanResult:
    places: list[Candidate]
    blocks: dict[int, list[int]]       # start → ends of blocking phrases


class RegionTagger:
    """Finds regions in text.  Build once (``default()``), use for any number of documents."""

    def __init__(self, lexicon: RegionLexicon):
        self.lexicon = lexicon
        self.table = lexicon.table
        self.zones = ZoneFinder(lexicon)
        self.areas = AreaFinder(lexicon.table)

    @classmethod
    def default(cls) -> "RegionTagger":
        """A tagger over the shipped data.  Each call returns a new tagger (rule packs added to
        one do not leak into another); the expensive parts are cached."""
        return cls(_default_lexicon().copy())

    def add_rules(self, records: list[dict]) -> None:
        """Add user records (zones, aliases, groups, blocks …; the format of the data files)."""
        self.lexicon.add_records(records)

    def segmenter_words(self) -> list[str]:
        """Names worth keeping whole in a word segmenter: provinces, prefectures, zones, groups
        (not county short names, which would glue onto their neighbours: 航|天等)."""
        return [text for text, entry in self.lexicon.entries.items()
                if entry.senses and len(text) >= 3 and not entry.ordinary
                and not text.endswith(SPLIT_ENDINGS)   # 南|昌都市|圈 would hide 南昌|都市圈
                and any(s.level in ("province", "prefecture", "zone", "group") for s in entry.senses)]

    # -- public API ---------------------------------------------------------
    def find(self, text: str, *, is_boundary: Boundary = None) -> list[RegionMatch]:
        return self._read(text, is_boundary, False)[0]

    def read(self, text: str, *, is_boundary: Boundary = None) -> RegionReading:
        """``find``, ``scope`` and ``proper_name_spans`` of one text from one scan (what a
        pipeline component needs: the three separately scan the text twice)."""
        matches, proper_names = self._read(text, is_boundary, True)
        return RegionReading(matches, self.scope(text, matches), proper_names)

    def proper_name_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of the proper names (companies, schools, facilities) that start with a place
        (read in character mode, whatever the segmenter)."""
        return self._char_mode_names(text, self._scan(text))

    def scope(self, text: str, matches: list[RegionMatch]) -> RegionScope:
        return RegionScope(text, matches, self.table)

    # -- steps ----------------------------------------------------------------
    def _read(self, text: str, is_boundary: Boundary,
              with_proper_names: bool) -> tuple[list[RegionMatch], list[tuple[int, int]] | None]:
        scan = self._scan(text)
        tiled = self._tile(self._filter(text, scan, is_boundary))
        name_ends = self._name_ends(text, tiled)
        proper_names = None
        if with_proper_names:   # before the steps below change the candidates
            if is_boundary is None:
                proper_names = _spans(tiled, name_ends)
            else:
                proper_names = self._char_mode_names(text, scan)
        kept = self._candidates(text, tiled, name_ends, is_boundary)
        return [self._to_match(text, c) for c in kept], proper_names

    def _char_mode_names(self, text: str, scan: ScanResult) -> list[tuple[int, int]]:
        tiled = self._tile(self._filter(text, scan, None))
        return _spans(tiled, self._name_ends(text, tiled))

    def _name_ends(self, text: str, candidates: list[Candidate]) -> list[int | None]:
        """The end of the proper name each candidate starts, or None (at once for most: neither a
        port nor the start of a head follows)."""
        near = self.lexicon.head_start.search
        return [self._proper_name_end(text, candidate)
                if text.startswith(PORT, candidate.end) or near(text, candidate.end, candidate.end + MAX_NAME_GAP + 2)
                else None for candidate in candidates]

    def _candidates(self, text: str, tiled: list[Candidate], name_ends: list[int | None],
                    is_boundary: Boundary) -> list[Candidate]:
        kept = self._drop_proper_names(text, tiled, name_ends)
        kept = drop_brands(text, kept)
        _take_old_type_word(text, kept)
        kept = self.zones.grow(text, kept)
        kept = self._drop_uncued(text, kept)
        resolve_all(text, kept, self.table)
        return self.areas.find(text, kept, is_boundary)

    def _scan(self, text: str) -> ScanResult:
        places = []
        blocks: dict[int, list[int]] = {}
        for start, end, surface in self.lexicon.matcher.hits(text):
            if surface.senses:
                places.append(Candidate(start, end, surface))
            if surface.block:
                blocks.setdefault(start, []).append(end)
        return ScanResult(places, blocks)

    def _filter(self, text: str, scan: ScanResult, is_boundary: Boundary) -> list[Candidate]:
        places, blocks = scan.places, scan.blocks
        strong = [c for c in places if not c.surface.weak]
        starts = {c.start for c in strong}
        ends = {c.end for c in strong}
        blocked = {i for start, ends_ in blocks.items() for i in range(start, max(ends_))}
        junction = self.lexicon.junction_words, self.lexicon.junction_pairs
        kept = []
        leader = _UNKNOWN   # the city the text is about, found when a candidate needs it
        for candidate in places:
            surface = candidate.surface
            if blocked and (candidate.start in blocked or candidate.end - 1 in blocked) \
                    and _inside_block(candidate, blocks):
                continue
            split = is_boundary is not None and _split_unknown(text, candidate, is_boundary)
            if split and leader is _UNKNOWN:
                leader = _leading_city(places, self.table)
            if is_boundary is not None and not _glued_to_punctuation(text, candidate.start, is_boundary) \
                    and not (split and _county_of(candidate, leader)):
                if not _fits_words(text, candidate, is_boundary, starts, ends):
                    continue
            elif surface.straddles and _straddled(text, candidate, junction, starts, ends):
                continue
            if candidate.start > 0 and text[candidate.start - 1] in "（(" and text[candidate.end:candidate.end + 1] in "）)" \
                    and (self._after_proper_head(text, candidate.start - 1)
                         or text.startswith(COMPANY_AFTER_PARENTHESES, candidate.end + 1)
                         or candidate.start > 1 and _is_hanzi(text[candidate.start - 2])
                         and self._head_follows(text, candidate.end + 1)):
                continue   # 龙马管控集团（崇左）…基地, 中南大学（崇左）, 某某科技服务（深圳）有限公司, 某某电器（赣州）
                           # 智能制造基地: the seat written into a name
            if surface.all_full:
                if text[candidate.end - 1:candidate.end + 1] in GLUED_TYPE_WORDS:
                    continue   # 昆山市|场: the type character belongs to the next word
                if candidate.end - candidate.start == 2 and candidate.start not in ends \
                        and (text[candidate.end:candidate.end + 1] in TYPE_WORD_STARTS
                             or text[candidate.end:candidate.end + 2] in LEVEL_LIST_AFTER) \
                        and text[candidate.end - 1] in "县市区旗" \
                        and (text[candidate.start] in CONJUNCTION_STARTS and candidate.start > 0
                             and _is_hanzi(text[candidate.start - 1])
                             or text[candidate.start] in TITLE_PREFIXES and text[candidate.end] == "长"):
                    continue   # 市委和|县委: a conjunction and the next body's type word; 代|县长
                if candidate.end - candidate.start == 2 and text[candidate.start] in SLOGAN_VERBS \
                        and candidate.start not in ends \
                        and (candidate.start > 0 and _is_hanzi(text[candidate.start - 1])
                             and text[candidate.start - 1] not in NOT_SLOGAN_BEFORE
                             or text.startswith(SLOGAN_AFTER, candidate.end)):
                    continue   # 科教兴|县, 旅游富|县, 兴县富民
            else:
                after = text[candidate.end:candidate.end + 1]   # most names: no street or feature after
                if (after in FEATURE_STARTS or after.isdigit()) and _followed_by_feature(text, candidate):
                    continue   # 清水湾, 重庆路, 太原1路
                if candidate.end - candidate.start == 2 and _given_name(text, candidate):
                    continue   # 熊|枝江 in a list of names, 记者王|亚东, 张|万年出席
            if text[candidate.start] in "万千亿" and candidate.start > 0 and text[candidate.start - 1] in NUMERALS:
                continue   # 350|万年, 2|万安置: a number's multiplier, not 万年县
            if text.startswith(GDP_AFTER_REGION, candidate.end) and text.endswith("地区", 0, candidate.end):
                continue   # 毕节|地区生产总值
            kept.append(candidate)
        return kept

    def _head_follows(self, text: str, position: int) -> bool:
        """A company's, a school's, an institute's or a facility's head follows ``position``
        within its gap, before any break (）智能制造基地, ）研发中心)."""
        lexicon = self.lexicon
        stop = min(len(text), position + MAX_NAME_GAP)
        found = NAME_BREAK.search(text, position, stop)
        if found is not None:
            stop = found.start()
        found = lexicon.head_start.search(text, position, stop + 1)
        while found is not None and found.start() < stop:
            at = found.start()
            for length in lexicon.head_lengths:
                head = lexicon.heads.get(text[at:at + length]) if at + length <= stop else None
                if head is not None and at - position <= head[1] \
                        and head[0] in ("company", "school", "institute", "facility"):
                    return True
            found = lexicon.head_start.search(text, at + 1, stop + 1)
        return False

    def _after_proper_head(self, text: str, position: int) -> bool:
        """The text before ``position`` ends with the head of a company's, a school's or an
        institute's name (集团, 大学, 公司, 研究院 …)."""
        heads = self.lexicon.heads
        return any(heads.get(text[position - length:position], ("",))[0] in ("company", "school", "institute")
                   for length in self.lexicon.head_lengths if position >= length)

    @staticmethod
    def _tile(candidates: list[Candidate]) -> list[Candidate]:
        """Non-overlapping candidates covering the most characters (weak short names weigh a
        little less); on a tie, fewer pieces (粤港澳大湾区, not 粤港澳|大湾区).  ``candidates``
        come by start; runs of overlapping ones are tiled one run at a time (the best tiling of
        the whole is the best tiling of each run), a lone candidate is kept as it is."""
        tiled: list[Candidate] = []
        index, count = 0, len(candidates)
        while index < count:
            run_end = candidates[index].end
            following = index + 1
            while following < count and candidates[following].start < run_end:
                run_end = max(run_end, candidates[following].end)
                following += 1
            if following == index + 1:
                tiled.append(candidates[index])
            else:
                tiled.extend(_tile_run(candidates[index:following]))
            index = following
        return tiled

    @staticmethod
    def _drop_proper_names(text: str, candidates: list[Candidate], name_ends: list[int | None]) -> list[Candidate]:
        kept, covered_until = [], -1
        stops = _route_stops(text, candidates)
        for candidate, end in zip(candidates, name_ends):
            if candidate.start < covered_until:
                continue
            if end is not None and candidate.start not in stops:
                if candidate.surface.ordinary:
                    continue   # 合作|攀西红古堡…基地: an everyday word does not take the places after it in
                covered_until = end
                if text[end - 1] == PORT and kept and kept[-1].end == candidate.start:
                    kept.pop()   # 宁波舟山港: a port named after two places
                continue
            kept.append(candidate)
        return kept

    def _proper_name_end(self, text: str, candidate: Candidate) -> int | None:
        """End of the proper name that ``candidate`` starts (北京|大学, 天津|港), else None."""
        end = candidate.end
        if text[candidate.start:end] in SCOPE_COUNTRY_WORDS:
            return None   # 我国第一家棉纺织厂: the country, never a name's first word
        if text.startswith(PORT, end) and text[end + 1:end + 2] not in NOT_PORT_AFTER:
            return end + 1   # 天津港, and a group's port (北部湾港)
        group = candidate.surface.group   # a group starts only an institute's name (京津冀国家技术创新中心)
        lexicon = self.lexicon
        # A head may start up to MAX_NAME_GAP characters on, at the first break (punctuation, 的,
        # a digit …) at the latest; only where the first two characters of some head may stand.
        head_start = lexicon.head_start
        stop = min(len(text), end + MAX_NAME_GAP + 1)
        found = head_start.search(text, end, stop + 1)   # the second character may stand at stop
        if found is None:
            return None   # most places: no head near them
        position = found.start()
        found = NAME_BREAK.search(text, end, position)
        if found is not None:
            return None   # a break before it, so before any head
        found = NAME_BREAK.search(text, position, end + MAX_NAME_GAP)
        if found is not None:
            stop = min(stop, found.start() + 1)
        heads, lengths, prefixes = lexicon.heads, lexicon.head_lengths, lexicon.head_prefixes
        farthest = None
        while True:
            found = head_start.search(text, position, stop + 1)
            if found is None:
                break
            gap_end = found.start()
            position = gap_end + 1
            if text[gap_end:gap_end + 2] not in prefixes and text[gap_end:gap_end + 1] not in prefixes:
                continue
            if any(char.isdigit() for char in text[end:gap_end]):
                break   # ① and its kin are digits too, though not \d
            for length in lengths:
                key = text[gap_end:gap_end + length]
                head = heads.get(key) if len(key) == length else None
                if head is None or gap_end - end > head[1] or group and head[0] != "institute":
                    continue
                head_end = gap_end + length
                middle = text[end:gap_end]
                if _restates_place(text, candidate, middle):
                    return farthest   # 鼓楼区|鼓楼医院: the proper name starts anew after the place
                if any(word in middle for word in NAME_BREAK_WORDS) \
                        or any(ch in DIVISION_TYPES for ch in middle.replace("东盟", "").replace("联盟", "")):
                    return farthest   # 福建省|鼓楼区鼓楼医院: the hospital's name starts after 鼓楼区
                if text.startswith("中心", head_end - 2) and _is_concept_centre(text, middle, head_end):
                    continue
                farthest = max(farthest or 0, head_end)   # 上海证券交易所, not 上海证券
        return farthest

    def _drop_uncued(self, text: str, candidates: list[Candidate]) -> list[Candidate]:
        kept = []
        named = None   # units the text names unmistakably (朝阳市): their everyday-word names are cued
        leader = _UNKNOWN
        for index, candidate in enumerate(candidates):
            surface = candidate.surface
            if candidate.zone is None:
                if surface.ordinary and not _has_cue(text, candidates, index, self.table):
                    if named is None:
                        named = {c.surface.codes[0] for c in candidates
                                 if len(c.surface.codes) == 1 and not c.surface.ordinary and not c.surface.weak}
                    opens = candidate.start == 0 or text[candidate.start - 1] in CLAUSE_OPENERS
                    if opens and leader is _UNKNOWN:
                        leader = _leading_city(candidates, self.table)
                    if named.isdisjoint(surface.codes) and not GROUP_NAME_AFTER.match(text, candidate.end) \
                            and not (opens and _county_of(candidate, leader)):
                        continue   # 推动朝阳低空经济 in a text about 朝阳市 is the city; 天山北坡城市群
                                   # keeps 天山 for the group's name that it starts
                if surface.weak and (_after_unrelated_place(candidates, index, self.table)
                                     or _before_far_place(candidates, index, self.table)):
                    continue
                if surface.needs_cue and not _has_group_cue(text, candidates, index):
                    continue
            kept.append(candidate)
        return kept

    @staticmethod
    def _to_match(text: str, candidate: Candidate) -> RegionMatch:
        span = text[candidate.start:candidate.end]
        sense = candidate.zone or candidate.chosen
        if sense is None:  # still ambiguous
            levels = {s.level for s in candidate.senses if s.code in candidate.options}
            level = levels.pop() if len(levels) == 1 else _highest_level(candidate.senses)
            return RegionMatch(candidate.start, candidate.end, span, None, span, level,
                               candidates=candidate.options)
        name = candidate.text_override or sense.name
        parent = sense.parent if sense.parent != COUNTRY_CODE else None
        if candidate.zone is not None and parent is None and candidate.chosen is not None:
            parent = candidate.chosen.code   # the place the zone's name starts with
        return RegionMatch(candidate.start, candidate.end, span, sense.code, name, sense.level, (),
                           sense.members, parent)


# ---------------------------------------------------------------- filters

MAX_BLOCK = 12      # longest blocking phrase that can reach back over a candidate
MAX_JUNCTION = 4
DIRECTIONS = set("东西南北")
OLD_TYPE_WORDS = set("县市")
NOT_TYPE_WORD_AFTER = set("场民值面容")
DIRECTION_TAILS = set("部岸端侧麓坡")


ROUTE_JOINS = set("至到—–－-~～")


def _tile_run(candidates: list[Candidate]) -> list[Candidate]:
    """The best tiling of overlapping candidates (see ``RegionTagger._tile``)."""
    if len(candidates) == 2:   # 广东省 and 广东: one of the two, the heavier (on a tie the one ending first)
        first, second = sorted(candidates, key=lambda c: (c.end, c.start))
        return [second if _weight(second) > _weight(first) else first]
    ordered = sorted(candidates, key=lambda c: (c.end, c.start))
    ends = [c.end for c in ordered]
    # score[i]: best (covered, -pieces) over ordered[:i]; back[i]: how it was reached
    score: list[tuple[int, int]] = [(0, 0)]
    back: list[tuple[int, bool]] = [(0, False)]
    for i, candidate in enumerate(ordered):
        j = bisect_right(ends, candidate.start, 0, i)
        covered, pieces = score[j]
        with_it = (covered + _weight(candidate), pieces - 1)
        if with_it > score[i]:
            score.append(with_it)
            back.append((j, True))
        else:
            score.append(score[i])
            back.append((i, False))
    chosen, i = [], len(ordered)
    while i > 0:
        previous, took = back[i]
        if took:
            chosen.append(ordered[i - 1])
        i = previous
    return chosen[::-1]


def _spans(candidates: list[Candidate], name_ends: list[int | None]) -> list[tuple[int, int]]:
    return [(candidate.start, end) for candidate, end in zip(candidates, name_ends) if end is not None]


def _route_stops(text: str, candidates: list[Candidate]) -> set[int]:
    """Starts of places joined by 至 or dashes (银川至昆明高速, 锡林郭勒—张北工程): the road or
    line after them is named by its ends, and each end is a place of its own."""
    stops = set()
    for before, after in zip(candidates, candidates[1:]):
        if 1 <= after.start - before.end <= 2 and all(char in ROUTE_JOINS for char in text[before.end:after.start]):
            stops.update((before.start, after.start))
    return stops


def _restates_place(text: str, candidate: Candidate, middle: str) -> bool:
    stem = text[candidate.start:candidate.end - 1]
    return len(stem) >= 2 and text[candidate.end - 1] in DIVISION_TYPES and middle.startswith(stem)


def _weight(candidate: Candidate) -> int:
    return 2 * candidate.length - (1 if candidate.weak else 0)


def _inside_block(candidate: Candidate, blocks: dict[int, list[int]]) -> bool:
    """Inside or across a blocking phrase; a block wholly inside the candidate does not count.
    (Called only for candidates whose first or last character some block covers.)"""
    for start in range(candidate.start - MAX_BLOCK, candidate.end):
        for end in blocks.get(start, ()):
            if end <= candidate.start:
                continue
            inside = candidate.start <= start and end <= candidate.end
            if not inside or (start, end) == (candidate.start, candidate.end):
                return True
    return False


def _fits_words(text: str, candidate: Candidate, is_boundary, starts: set[int], ends: set[int]) -> bool:
    """With a segmenter: the name must not start inside a word, and a weak one must not end
    inside one either.  A neighbouring place name counts as a boundary (北京朝阳 may be one token)."""
    if not (is_boundary(candidate.start) or candidate.start in ends or text.startswith("中共", candidate.start - 2)):
        return False   # (中共扬州|八届市委: the segmenter may glue the party's name on)
    end = candidate.end
    if candidate.weak and not (is_boundary(end) or end in starts or (end < len(text) and not _is_hanzi(text[end]))
                               or text.startswith(PORT, end) and is_boundary(end + 1)):
        return False   # a dash or a comma ends a word even where the segmenter glued it on (盐田港: a port)
    return True


def _given_name(text: str, candidate: Candidate) -> bool:
    """A place's short name as the given name after a surname: the three characters alone
    between list marks (谢良宽、熊枝江、陈长青), after a title (记者王亚东, 市长 田凤山) or before
    what only people do (张万年出席, 高玉林等人)."""
    start = candidate.start
    if start < 1 or text[start - 1] not in SURNAMES or candidate.surface.province:
        return False
    if (start == 1 or text[start - 2] in NAME_LIST_BEFORE) \
            and (candidate.end == len(text) or text[candidate.end] in NAME_LIST_AFTER) and candidate.weak:
        return True
    return bool(_PERSON_AFTER.match(text, candidate.end)
                or _TITLE_BEFORE.search(text, max(0, start - 12), start - 1))


def _split_unknown(text: str, candidate: Candidate, is_boundary) -> bool:
    """The segmenter did not know the name: it starts a word with the name's first character
    alone and glues the rest onto the next word (沙|河闽|都 for 沙河|闽都, 柏|乡易|沃克 for
    柏乡|易沃克), or glues the next character on (万州必|落实).  For a county of the city the
    text is about, its boundary after the name is
    not to be trusted, so the character-mode checks stand in (a name's start inside a word still
    goes: 泥沙|河床; a far county's name stays out: 方|正微 is a firm in a Shenzhen report)."""
    start, end = candidate.start, candidate.end
    return end - start == 2 and candidate.surface.weak and is_boundary(start) \
        and not is_boundary(end) and end < len(text) and _is_hanzi(text[end])


def _glued_to_punctuation(text: str, start: int, is_boundary) -> bool:
    """The segmenter made one word of a dash and the name after it (—林|西段 for —林西|段):
    its boundaries are not to be trusted there, so the character-mode checks stand in."""
    return start > 0 and not _is_hanzi(text[start - 1]) and not is_boundary(start)


def _is_hanzi(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _straddled(text: str, candidate: Candidate, junction: tuple[frozenset[str], frozenset[str]],
               starts: set[int], ends: set[int]) -> bool:
    """Character mode: an everyday word runs across the start of a short name (推广|东, 航天|等) or
    across the end of a weak one (新安|全, 大关|键); two-character group names (关中, 陕北) are
    checked the same way (有关|中国).  A word explained by a neighbouring place (江苏|南京 with
    苏南) does not count.  (Called only for the names that ``Surface.straddles`` marks.)"""
    junction_words, pairs = junction   # a word across an edge holds the two characters around it
    begin, finish = candidate.start, candidate.end
    if begin > 0 and text[begin - 1:begin + 1] in pairs and begin not in ends:
        for start in range(max(0, begin - MAX_JUNCTION + 1), begin):
            if start not in starts:
                for end in range(begin + 1, min(finish, start + MAX_JUNCTION) + 1):
                    if text[start:end] in junction_words:
                        return True
    if text[finish - 1] in DIRECTIONS and _ends_in_direction_word(text, finish):
        return True
    if candidate.surface.weak and text[finish - 1:finish + 1] in pairs and finish not in starts:
        for start in range(begin, finish):   # from begin: words that contain it (共和|国)
            for end in range(finish + 1, min(len(text), start + MAX_JUNCTION) + 1):
                if end not in ends and text[start:end] in junction_words:
                    return True
    return False


def _take_old_type_word(text: str, candidates: list[Candidate]) -> None:
    """黄骅县 (now 黄骅市), 昆山县: a county's short name with a type word that is no longer its
    own still names it, and the type word belongs to the mention (not 市场, 市民)."""
    for index, candidate in enumerate(candidates):
        if not candidate.surface.old_type or text[candidate.end:candidate.end + 1] not in OLD_TYPE_WORDS:
            continue
        following = candidates[index + 1].start if index + 1 < len(candidates) else len(text)
        if candidate.end < following and text[candidate.end + 1:candidate.end + 2] not in NOT_TYPE_WORD_AFTER:
            candidate.end += 1


def _ends_in_direction_word(text: str, finish: int) -> bool:
    """湖南|岸, 黑海南|端: the name's last character is a direction of a word that goes on
    (南岸, 南端).  部 only when 部分 does not follow (河南部分地区 is 河南)."""
    if text[finish - 1] not in DIRECTIONS or text[finish:finish + 1] not in DIRECTION_TAILS:
        return False
    after = text[finish]
    return not (after == "部" and text.startswith("分", finish + 1))


def _followed_by_feature(text: str, candidate: Candidate) -> bool:
    """A short name that starts a smaller place: 清水湾, 金华镇, 北仑大道, 重庆路, 香港中路.
    (Called only for names not written in full.)"""
    end = candidate.end
    after = text[end:end + 1]
    if text.startswith(STREET_WORDS, end) or _numbered_street(text, end):
        return True
    return not candidate.surface.province and after in PLACE_FEATURES


def _numbered_street(text: str, position: int) -> bool:
    """太原1路, 北京2号: digits and a street word after the name."""
    if not text[position:position + 1].isdigit():
        return False
    end = position + 1
    while end < len(text) and text[end].isdigit():
        end += 1
    return text.startswith(("路", "街", "号", "巷", "弄"), end)


def _is_concept_centre(text: str, middle: str, head_end: int) -> bool:
    return text.startswith("城市", head_end) or any(marker in middle for marker in CONCEPT_CENTRE_MARKERS)


def _is_division(candidate: Candidate) -> bool:
    return candidate.surface.division


def _is_parent_of(before: Candidate, candidate: Candidate, table: DivisionTable) -> bool:
    parents = {s.code for s in before.senses if s.code}
    return any(s.code and parents & set(table.ancestors(s.code)) for s in candidate.senses)


def _after_unrelated_place(candidates: list[Candidate], index: int, table: DivisionTable) -> bool:
    """A county name written right after a place lies inside it (江苏昆山); when it cannot
    (香港九龙, 洛江区万安塘) it is a smaller place's name, not that county."""
    if index == 0:
        return False
    before = candidates[index - 1]
    return (before.end == candidates[index].start and _is_division(before)
            and not _is_parent_of(before, candidates[index], table))


def _before_far_place(candidates: list[Candidate], index: int, table: DivisionTable) -> bool:
    """A county's short name right before a place of another province modifies it (平安湛江,
    a slogan's 'safe Zhanjiang'), it is not a county of its own."""
    if index + 1 >= len(candidates):
        return False
    candidate, after = candidates[index], candidates[index + 1]
    if after.start != candidate.end or not _is_division(after):
        return False
    provinces = {table.province_of(s.code) for s in candidate.senses if s.code}
    return None not in provinces and not provinces & {table.province_of(s.code) for s in after.senses if s.code}


def _has_cue(text: str, candidates: list[Candidate], index: int, table: DivisionTable) -> bool:
    """An everyday-word name (新兴, 东方) is a place when a place stands right before it
    (云浮新兴), or it is an item of a list of places (新兴、罗定), or a government word follows."""
    candidate = candidates[index]
    before = candidates[index - 1] if index > 0 else None
    after = candidates[index + 1] if index + 1 < len(candidates) else None
    if before is not None and before.end == candidate.start and _is_parent_of(before, candidate, table) \
            and not any(s.level == "country" for s in before.senses):
        return True   # 云浮新兴; not 全国|公安, 中国|合作: the country is no cue
    if before is not None and text[before.end:candidate.start] in ("、", "和", "与", "及") and _is_division(before):
        return True
    if after is not None and text[candidate.end:after.start] in ("、",) and _is_division(after):
        return True
    return text.startswith(("县委", "县政府", "县人民政府", "市委", "区委", "区政府"), candidate.end)


MUNICIPALITIES = frozenset(("110000", "120000", "310000", "500000"))
CLAUSE_OPENERS = set("，,、；;。：:“‘（(\n")


_UNKNOWN = object()


def _county_of(candidate: Candidate, leader: str | None) -> bool:
    """``candidate`` can be a county of ``leader``, the city the text is about.  An everyday-word
    county name opening a clause is that county in such a text (清河…项目 in 邢台's report,
    东山… in 漳州's; not after a verb: 坚持和平发展)."""
    return leader is not None and any(s.level == "county" and s.parent == leader for s in candidate.senses)


def _leading_city(candidates: list[Candidate], table: DivisionTable) -> str | None:
    """The city (or the municipality) that the text is about: with the places inside it, named
    unmistakably more often than any other city, and at least twice."""
    counts: dict[str, int] = {}
    for other in candidates:
        codes = other.surface.codes
        if len(codes) != 1 or other.surface.ordinary or other.surface.weak:
            continue
        code = codes[0]
        for unit in (code, *table.ancestors(code)):
            division = table.get(unit)
            if division is not None and (division.level == "prefecture" or unit in MUNICIPALITIES):
                counts[unit] = counts.get(unit, 0) + 1   # 重庆's districts lie right in the city
                break
    if not counts:
        return None
    best = max(counts.values())
    leaders = [code for code, count in counts.items() if count == best]
    return leaders[0] if best >= 2 and len(leaders) == 1 else None


def _has_group_cue(text: str, candidates: list[Candidate], index: int) -> bool:
    """东部/西部/东北 are groups of provinces only with 地区, 大开发 … after them, or in a list of
    such groups (东部、中部、西部); never right after a place (广东西部 is part of 广东)."""
    candidate = candidates[index]
    before = candidates[index - 1] if index > 0 else None
    left = candidate.start
    if before is not None and before.end == candidate.start and text[before.start:before.end] in COUNTRY_BEFORE_GROUP \
            and GROUP_RANK_AFTER.match(text, candidate.end):
        left = before.start   # 居中国西部第1: the country's west as the field of a rank, a group
    elif before is not None and before.end == candidate.start or text.startswith("部", candidate.end):
        return False   # 广东西部, 省东北部: a part of a place
    if text.startswith(GROUP_CUES, candidate.end) or text.startswith("和", candidate.end) \
            or GROUP_COUNT_CUE.match(text, candidate.end):
        return True   # 东部地区, 东部8个省市向西部10个省区市
    if text.endswith(GROUP_BASELINE_BEFORE, 0, left) \
            and text[candidate.end:candidate.end + 1] in "，,。；;、）)":
        return True   # 好于全国、领先东北: a baseline, the region
    if GROUP_RANK_AFTER.match(text, candidate.end) \
            and (text.endswith(GROUP_RANK_BEFORE, 0, left) or GROUP_RANK_LISTED.search(text, max(0, left - 8), left)):
        return True   # 均居西部第1, 保持东北首位, 居全国第14、西部第2: the field of a rank
    after = candidates[index + 1] if index + 1 < len(candidates) else None
    if after is not None and text[candidate.end:after.start] == "、" \
            and any(s.level == "province" for s in after.senses):
        return True   # 关于东北、辽宁振兴发展: listed with a province, the region
    neighbours = [c for c in (candidates[index - 1] if index else None,
                              candidates[index + 1] if index + 1 < len(candidates) else None) if c]
    return any(any(s.needs_cue for s in c.senses) and abs(c.start - candidate.end) <= 2
               or abs(candidate.start - c.end) <= 2 and any(s.needs_cue for s in c.senses)
               for c in neighbours)


def _highest_level(senses: list[Sense]) -> str:
    order = ("country", "province", "prefecture", "county", "zone", "group")
    return min((s.level for s in senses), key=order.index)


@lru_cache(maxsize=1)
def _default_lexicon() -> RegionLexicon:
    return RegionLexicon.from_data(DivisionTable.default())
