"""What a value measures: the shortest noun phrase of its clause that names it (SPEC 4, ``name``).

The clause before a value is read as subject, predicate words (from the cue
scan) and object:

- ``S V O Q`` (承担国家试点示范30余项, 新增A股上市企业4户): the object is what is
  counted or amounted;
- ``S V Q`` (地区生产总值完成4704.3亿元, 总量突破5000万千瓦): the subject; predicates
  are peeled off from the right until a non-empty object or the subject is left;
- a count followed by a noun phrase (新设4支政府高精尖产业基金) names the counted
  thing after it;
- growth names the quantity that grows (地区生产总值增速 → 地区生产总值);
- ranks and differences name their subject, never the peer group they are
  compared with (居全国首位, 高于全国);
- shares keep their 占…比重 wording (数字经济增加值占地区生产总值比重);
- in ``分别`` lists each value takes its own subject, in order.

Names lose scope words (全市), leading place names (广东地区生产总值), times
(2023年, 上半年), enumerations (A、B、C三大先导产业 → 三大先导产业) and trailing
adverbs (均, 分别, 累计).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Mapping, Optional, Sequence

from policyie.indicators.cues import PREDICATE_ROLES, Cues, Hit

_TRIM = "，,、；;：:（）()　 \t\n的了和及与或"
# Line and bullet markers are never part of a name: symbols wherever they stand at its edge …
_BULLETS = "●■▲◆★△▪►•·◇○□☆◎※➢▶◉⊙❖✦✧◈▸▹‣⁃→—–-*#【】〖〗|丨｜" + "".join(map(chr, range(0x2460, 0x24FF))) + \
    "".join(map(chr, range(0x2776, 0x2794)))        # circled and parenthesised numbers: ① ⑴ ⒈ ❶
# parentheses are trimmed at a name's edge only without their partner: 起降场（点）, 通用机场（运营中心）
_EDGE_TRIM = frozenset(_TRIM + _BULLETS) - frozenset("（）()")
# … and item numbers (1.  一、  2、) where an item can begin: at the start of a line or of a text, or
# after a colon or a semicolon (not after 、: 一、二季度 is two quarters)
_ITEM_NUMBER = re.compile(r"(?:[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[.．、](?!\d)"
                          r"|[\u2160-\u217f]\s*[.．、]?|[A-Za-z]\s*[.．、](?![A-Za-z\d]))\s*")   # 1. 一、 Ⅰ. A.
_ITEM_OPENERS = "\n：:；;。！？"
_QUOTES = {"“": "”", "‘": "’", "「": "」", "《": "》", "\"": "\"", "（": "）", "(": ")"}
_CLOSING = {close: open_ for open_, close in _QUOTES.items()}
# a leading time: 2023年, 上半年, 1-11月 …, with the 到/截至 of a deadline or a cut-off date (到2027年低空经济规模,
# 截至2024年末, 到“十四五”末: a title line without a comma)
_TIME_PREFIX = re.compile(
    r"(?:(?:到|至|截至|截止到?)\s*)?(?:(?:19|20)\d\d\s*年(?:度|底|末|初|内|以来|全年)?|[“\"]?十[一二三四五六七八九]五[”\"]?(?:期末|末|以来|期间|时期)"
    r"|[1-9]\d?\s*[-—~至]\s*[1-9]\d?\s*月(?:份)?|[1-9]\d?\s*月(?:份|末|底)?"
    r"|[一二三四1-4]季度|上半年|下半年|前[一二三四1-4]季度|前三季度|全年|年末|年底|年初|今年以来|当季|当月|截至(?:目前|年底)?"
    r"|(?:过去|近)[一二三四五六七八九十两\d]{1,2}年(?:来|间|里)?|[一二三四五六七八九十两\d]{1,2}年前)")   # 过去两年, 5年前
_TIMEFRAME = re.compile(r"^(?:[一二三四五六七八九十两\d]+\s*(?:年|个月|月|天)(?:来|以来|内|间)?|近年来?|多年来?)$")
_ENUMERATION_LABEL = re.compile(r"[两一二三四五六七八九十百\d]+大")
_SHARE_SUFFIX = re.compile(r"的?(?:比重|占比|份额|比例)")
# 每4辆新能源汽车就有1辆, 每出口4辆汽车就有1辆: the verb (出口) and the thing (汽车) of the whole
_PER_SHARE = re.compile(r"每(?P<verb>[^\d一二三四五六七八九十两\s]{0,4}?)[\d一二三四五六七八九十两]+\s*\S(?P<thing>.+?)中?就")
# A parenthetical right after a word that glosses it (通用机场（运营中心）, 起降场（点）, 地区生产总值（GDP）), marks
# a footnote (（注1）) or states a base (价格指数（上年=100）) belongs to the clause; any other one is an aside
_PARENS = {"（": "）", "(": ")"}
_CLOSING_PARENS = frozenset("）)")
_BAR = re.compile("[|丨｜]")
_PEER_LIST = re.compile("[、和与及]")
# 等 as a letter of a word (高等, 同等, 一等奖, 等级, 等于 …), not "and the like"
_NOT_BEFORE_ETC = frozenset("高中同平对均相上下初次优特超头一二三四甲乙丙何劣不等")
_NOT_AFTER_ETC = frozenset("级待于同候效额价量次比距离奖")
_PEER_UNIT_GROUPS = "城区|郊区|县区|县市区|区县|市州|地市|省区市"      # groups of peer units (五城区, 全市县区)
_PEER_UNITS_TAIL = re.compile(r"(?:全[省市区县])?(?:[一二三四五六七八九十两\d]{1,2}个?)?(?:" + _PEER_UNIT_GROUPS + ")$")
_COUNTED_GOES_ON = frozenset("（(、")
_PEER_UNITS = re.compile(r"(?:[一二三四五六七八九十两\d]{1,3}个?(?:" + _PEER_UNIT_GROUPS + "|区|县|市|省|旗|州|盟)){1,3}")
_INLINE_MAX = 12
# editorial notes of a report (（下同）, （预计，下同）, （初步核算）) say how a figure was got, and scope notes
# (（含开发区）, （不含农户）) what it covers: nothing of what it is
_NOTE = r"(?:(?:预计数?|初步核算|初步统计|快报数?|现价|可比价|不?含[^\W\d_]{1,10})[，,、]?)?(?:下同)?"
_INLINE_CONTENT = re.compile(r"[^\W\d_]+|注\s*\d{0,2}|[^=＝]{1,8}[=＝]\s*\d+|以[^\d，,]{1,8}为\s*\d+"
                             r"|[A-Za-z][A-Za-z.\-]*\d[A-Za-z\d.\-]*|(?=.)" + _NOTE)     # FP16, PM2.5; 下同
# Footnote and reference marks (地区生产总值[2], 第三产业［3］增加值, GDP¹, （注1）) and asides holding a number
# or a base (（上年=100）) are no part of what a value measures
_ASIDE = re.compile(r"\s*(?:[（(](?:注\s*\d{0,2}|[^（）()]*?[\d=＝][^（）()]*|(?=[^）)])" + _NOTE + r")[）)]|[\[［〔]\s*\d{1,3}\s*[\]］〕]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[\u2460-\u2473\u2776-\u277f])")
_ASIDE_FIRST = frozenset("（([［〔¹²³⁴⁵⁶⁷⁸⁹⁰" + "".join(map(chr, range(0x2460, 0x2474))) +
                         "".join(map(chr, range(0x2776, 0x2780))))        # ① … ⑳, ❶ … ❿ as note marks
_SEPARATORS = "、和及与"
_COUNTED_STOP = re.compile(r"[，,、；;。：:？！?!（）()\n]")
_PHRASE_STOPS = frozenset("，,；;。：:？！?!（）()\n")
_NAME_AFTER_MAX = 30      # characters of a noun phrase after 的 (Q的N)
NOUN_ENDINGS = frozenset("量率额值的")    # after a verb: part of a noun (覆盖率, 完成额) or a modifier (增长的贡献率)
_TIMEFRAME_TAIL = re.compile(r"(?:[一二三四五六七八九十两\d]+\s*(?:年|个月)(?:来|以来|内|间)?|近年来?)$")
_JOINT_PREFIX = re.compile(r"(?:[两二三四五六七八九十]|\d{1,2})(?:省区?市?|市|区|县|地|国|城)")
_METRIC_HEAD = re.compile(r".{0,2}(?:率|指数|比例|比重|强度|密度)$")
# the first characters that _ITEM_NUMBER, _JOINT_PREFIX and _TIME_PREFIX can match (besides digits)
_FRONT_FIRST = frozenset("一二三四五六七八九十两上下前全年今截到至过近当“\"" + "".join(map(chr, range(0x2160, 0x2180))) +
                         "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_TIMEFRAME_FIRST = frozenset("一二三四五六七八九十两近多")
_TAIL_LAST_CHARS = "年底末期月来内间度初"     # 同期 ends in 期   # the last characters of _BASELINE_TAIL and _TIMEFRAME_TAIL
_PERIOD = (r"(?:(?:19|20)\d\d\s*年(?:底|末|同期)?|上年|去年|同期|上月|上季度"
           r"|[一二三四]季度|上半年|前三季度|年初|上年末|上年同期)")
# 比一季度, 较一季度、上半年和前三季度 (分别提高…): baselines, one or a list of them
_BASELINE_TAIL = re.compile(r"(?:由|从|比|较|与)\s*" + _PERIOD + r"(?:[、和及与]" + _PERIOD + r")*$")
_FRONT_PHRASE = re.compile(r"按[^，,。；;：:]{1,14}?(?:计算|核算|折算|测算)为?|(?:第[一二三四五六七八九十\d]{1,3}|首)[个家座批]")
_INNER_TIME = re.compile(r"今年|去年|上年|前年|明年|当年")
_ORDINAL = re.compile(r"^(?:全[国省市区县])?(?:第[一二三四五六七八九十百\d]+|首)[个家座批只条位]?$")


NOT_PREDICATE, GROWTH_ONLY, PREDICATE = 0, 1, 2


class Clause:
    """The text around one value: sentence bounds, the segment before it, the hits of the scan."""

    __slots__ = ("text", "sentence_start", "sentence_end", "segment_start", "hits", "hit_starts", "segment_hits",
                 "segment_flags", "clause_start")

    def __init__(self, text: str, sentence_start: int, sentence_end: int, segment_start: int, hits: Sequence[Hit],
                 hit_starts: Sequence[int], segment_hits: Sequence[Hit] = (), segment_flags: Sequence[int] = (),
                 clause_start: Optional[int] = None):
        self.text = text
        self.clause_start = segment_start if clause_start is None else clause_start   # after the last ，；： …
        self.sentence_start, self.sentence_end = sentence_start, sentence_end
        self.segment_start = segment_start      # clause start, or the end of the previous value in the same clause
        self.hits, self.hit_starts = hits, hit_starts       # the scan of the sentence
        self.segment_hits = segment_hits        # the hits from segment_start to the value
        self.segment_flags = segment_flags      # their predicate levels (NOT_PREDICATE, GROWTH_ONLY, PREDICATE)

    def predicates(self, kind: Optional[str] = None) -> list[Hit]:
        """The segment's hits that act as predicates for a value of ``kind`` (NameRules.is_predicate, worked out
        once per hit: Cues.word_info)."""
        least = GROWTH_ONLY if kind == "growth" else PREDICATE
        return [hit for hit, flag in zip(self.segment_hits, self.segment_flags) if flag >= least]


class NameRules:
    """The name rules for one document: ``region_spans`` and ``quantity_spans`` map the start of each
    place name and value of the document to its end (a name never starts with either)."""

    def __init__(self, cues: Cues, region_spans: Mapping[int, int], quantity_spans: Optional[Mapping[int, int]] = None):
        self.cues = cues
        self.sets = cues.sets
        self.region_spans = region_spans
        self.quantity_spans = quantity_spans or {}
        self.distributive = cues.table("distributive")
        self.national_prefixes = tuple(cues["national_words"])
        self.name_prefixes, self.name_suffixes, self.noise_words = cues.name_prefixes, cues.name_suffixes, cues.noise_words
        self.growth_suffixes = tuple(cues["growth_name_suffixes"])     # longest first
        self.frames, self.frame_set = cues["frame_nouns"], cues.sets["frame_nouns"]
        self.target_nouns = cues.target_nouns                      # 预期目标, 主要目标 …
        self.blockers_by_first = cues.blockers_by_first

    # -- entry points -------------------------------------------------------------
    def is_predicate(self, text: str, hit: Hit, kind: Optional[str] = None) -> bool:
        """Whether a cue word acts as a predicate here: 增速 is a noun unless it states the growth,
        and a verb followed by 量/率/额/值 is part of a noun (覆盖率, 完成额)."""
        if not hit.roles & PREDICATE_ROLES:
            return False
        if kind != "growth" and hit.word in self.sets["growth_nouns"]:
            return False
        # 覆盖率, 完成额: a noun; 经济增长的贡献率: a modifier inside the name
        return not (hit.end < len(text) and text[hit.end] in NOUN_ENDINGS)

    def name(self, clause: Clause, quantity, kind: str, counted: Optional[str], amount: bool = False,
             count: bool = False) -> Optional[str]:
        """The name from the clause, or None (the caller then shares the previous value's name).
        ``amount``: a physical amount, whose name keeps 新增/新建 (新增新能源装机); ``count``: a count, whose
        counted thing keeps 全国 (全国重点实验室 is a kind of laboratory, 全国规上工业增加值 a national figure)."""
        name = self._name(clause, quantity, kind, counted, amount)
        if name is None or count or not name.startswith(self.national_prefixes):
            return name
        for word in self.cues["national_words"]:
            if name.startswith(word) and len(name) > len(word) + 1:
                return name[len(word):]
        return name

    def _name(self, clause: Clause, quantity, kind: str, counted: Optional[str], amount: bool) -> Optional[str]:
        text = clause.text
        per_share = _PER_SHARE.match(text, quantity.start, quantity.end) if text[quantity.start] == "每" else None
        if per_share:
            return self.clean_text(per_share.group("verb") + per_share.group("thing"))
        if counted and kind not in ("rank", "growth"):
            return counted
        start, end = clause.segment_start, quantity.start
        predicates = clause.predicates(kind)
        if amount and predicates and predicates[-1].word in self.sets["kept_before_amounts"]:
            kept = predicates.pop()
            name = self._peel(text, kept.end, end, [])
            if name is not None:
                return text[kept.start:kept.end] + name
        if kind == "share" or self._has_ratio_wording(text, predicates, end):
            return self._share_name(text, start, end, predicates)
        if kind in ("rank", "difference"):
            return self._compared_name(text, start, end, predicates, kind)
        if kind == "growth":
            return self._growth_name(text, start, end, predicates)
        return self._peel(text, start, end, predicates)

    def _growth_name(self, text: str, start: int, end: int, predicates: list[Hit]) -> Optional[str]:
        """The quantity that grows: what stands before the growth words, without 增速/增幅."""
        cue = self._growth_cue(predicates)
        if cue is not None:
            end = cue.start
            predicates = [h for h in predicates if h.end <= end]
        return self._without_growth_words(self._peel(text, start, end, predicates))

    def named_after(self, clause: Clause, quantity, next_start: int) -> Optional[str]:
        """N in 'Q的N' (2459.1亿元的一般公共预算收入): the noun phrase after 的, up to the end of the clause
        or a list separator before the next value (120亿元的营业收入和10亿元的利润); None when a predicate
        or another value follows it (120亿元的项目落地, 的项目15个: the value only describes N) or when N
        only frames the value (的基础上, 的目标, 的历史新高, 的新台阶)."""
        text = clause.text
        start = quantity.end + 1
        if not text.startswith("的", quantity.end):
            return None
        limit = min(clause.sentence_end, next_start, start + _NAME_AFTER_MAX)
        end = start
        while end < limit and text[end] not in _PHRASE_STOPS:
            end += 1
        if end == limit and end < clause.sentence_end:
            if end != next_start or text[end - 1] not in _SEPARATORS:
                return None
        if any(self.is_predicate(text, hit) for hit in hits_between(clause, start, end)):
            return None
        name = self.as_name(text, self.clean_span(text, start, end))
        return None if name is None or name.endswith(self.cues["frame_nouns"]) else name

    def counted_after(self, clause: Clause, quantity, next_start: int) -> Optional[tuple[int, int]]:
        """The noun phrase right after a count (13次商业发射, 5个具有国际竞争力的…集群), as offsets."""
        text = clause.text
        start = quantity.end
        limit = min(clause.sentence_end, next_start, start + 40)
        stop = _COUNTED_STOP.search(text, start, limit)
        member_start = start
        while stop is not None and text[stop.start()] in _COUNTED_GOES_ON:
            at = stop.start()
            if text[at] == "、":                       # 行业级、场景级大模型: levels of one counted thing
                if not (at - member_start <= 4 and text[at - 1] == "级"):
                    break
                member_start = at + 1
                stop = _COUNTED_STOP.search(text, at + 1, limit)
                continue
            inline_end = inline_parenthetical_end(text, at)     # 起降场（点）
            if inline_end is None or inline_end > limit:
                break
            stop = _COUNTED_STOP.search(text, inline_end, limit)
        end = stop.start() if stop else max(start, limit)
        if end == start:
            return None
        relative = text.rfind("的", start, end)
        phrase_start = relative + 1 if relative >= 0 else start
        for hit in hits_between(clause, phrase_start, end):
            if self.is_predicate(text, hit):
                end = hit.start
                break
        span = self.clean_span(text, start, end)
        if span is None and end - start == 1 and "\u4e00" <= text[start] <= "\u9fff" and \
                text[start] not in _TRIM and not self._is_noise(text[start]):
            span = (start, end)     # 5个县: a counted thing may be one character
        return span

    # -- the rules ------------------------------------------------------------------
    def _peel(self, text: str, start: int, end: int, predicates: list[Hit]) -> Optional[str]:
        return self.as_name(text, self._peel_span(text, start, end, predicates))

    @staticmethod
    def _has_ratio_wording(text: str, predicates: list[Hit], end: int) -> bool:
        """占…比重 / 相当于…的比例 before the value: the name is the ratio, whatever the kind."""
        for verb in reversed(predicates):
            if "ratio_verbs" in verb.roles:
                return _SHARE_SUFFIX.search(text, verb.end, end) is not None
        return False

    def _share_name(self, text: str, start: int, end: int, predicates: list[Hit]) -> Optional[str]:
        share_verb = next((h for h in reversed(predicates) if "ratio_verbs" in h.roles), None)
        if share_verb is None:
            return self._peel(text, start, end, predicates)
        suffix = _SHARE_SUFFIX.search(text, share_verb.end, end)
        before = [h for h in predicates if h.end <= share_verb.start]
        subject = self._peel_span(text, start, share_verb.start, before)
        if suffix is None:
            return self.as_name(text, subject)       # 占全国近一半: the subject, else the previous value's
        name_start = subject[0] if subject is not None else share_verb.start
        return self.as_name(text, self.clean_span(text, name_start, suffix.end()))

    def _compared_name(self, text: str, start: int, end: int, predicates: list[Hit], kind: str) -> Optional[str]:
        """居全国第3位, 高于全国6.1个百分点: the subject; the peer group is no name."""
        role = "difference" if kind == "difference" else "result_verbs"     # 高于 / 居, 位列, 升至 …
        verb = next((hit for hit in reversed(predicates) if role in hit.roles), None)
        if verb is None:
            name = self._without_peer_tail(self._peel(text, start, end, predicates))
            return None if name is not None and self._is_peer(name) else name
        subject = self._peel_span(text, start, verb.start, [h for h in predicates if h.end <= verb.start])
        if subject is not None and kind == "rank" and self.region_spans.get(subject[0]) == subject[1]:
            return None                  # 乙省排在第二位: the place ranks; what it ranks by is the sentence's
        if subject is not None:
            name = self._without_peer_tail(self.as_name(text, subject))
            if kind == "difference" and name is not None and name[0] in "比较与同" and self._is_peer(name[1:]):
                return None              # 比全国高出1个百分点: the baseline; the metric is the sentence's
            return self._without_growth_words(name) if kind == "difference" else name
        obj = self.clean_span(text, verb.end, end)
        if obj is not None and not self._is_peer(self.as_name(text, obj)):
            return self._without_peer_tail(self.as_name(text, obj))
        return None

    def _peel_span(self, text: str, start: int, end: int, predicates: list[Hit]) -> Optional[tuple[int, int]]:
        """S V O: the object if there is one, else peel the predicate off and look again; the subject
        when no predicate is left."""
        predicates = list(predicates)
        copula = False          # only a copula (and adverbs) after the predicates peeled so far
        while predicates:
            last = predicates.pop()
            obj = self.clean_span(text, last.end, end)
            if obj is not None and _METRIC_HEAD.match(text, obj[0], obj[1]):
                continue    # 数字化改造覆盖率: a bare metric head makes the verb part of the name
            if obj is not None:
                return obj
            if copula and last.word in self.target_nouns:
                # 多数地方预期目标为5%, GDP的目标下调至8%: a goal noun before its copula is the subject's head
                before = predicates[-1].end if predicates else start      # 为何将GDP的目标下调至8%
                subject = self.clean_span(text, max(start, before), last.end)
                if subject is not None:
                    return subject
            if "result_verbs" in last.roles:
                copula = True
            elif "adverbs" not in last.roles:
                copula = False
            end = last.start
        return self.clean_span(text, start, end)

    @staticmethod
    def _growth_cue(predicates: list[Hit]) -> Optional[Hit]:
        """The growth word nearest the value, with the words of its run (比上年增长: from 比上年)."""
        cue = None
        for hit in reversed(predicates):
            if "growth" in hit.roles or (cue is not None and "adverbs" in hit.roles and hit.end == cue.start):
                if cue is not None and hit.end < cue.start - 1:
                    break
                cue = hit
            elif cue is not None:
                break
        return cue

    def _without_growth_words(self, name: Optional[str]) -> Optional[str]:
        """地区生产总值增速 → 地区生产总值; a bare 增速 or 涨幅 names nothing (the caller shares a name)."""
        if name is None or name in self.sets["growth_nouns"]:
            return None
        if not name.endswith(self.growth_suffixes):
            return name
        for suffix in self.growth_suffixes:
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                return self.clean_text(name[: -len(suffix)])
        return name

    def _without_peer_tail(self, name: Optional[str]) -> Optional[str]:
        """总量全市第二, 服务业全国10强: the field a rank is in follows the subject and is no part of it."""
        if name is None or len(name) < 4 or name[-2] not in "全国省市区县州城地":
            return name
        tail = name[-2:]
        if tail in self.sets["scope_words"] or tail in self.sets["national_words"] or tail in self.sets["peer_groups"]:
            return self.clean_text(name[:-2]) or name
        units = _PEER_UNITS_TAIL.search(name)       # 增速五城区第一, 全市县区第二
        if units is not None and units.start() >= 2:
            return self.clean_text(name[:units.start()]) or name
        return name

    def _is_peer(self, name: str) -> bool:
        if name in self.sets["peer_groups"] or name in self.sets["national_words"] or name in self.sets["scope_words"]:
            return True
        if any(name.endswith(suffix) for suffix in self.cues["peer_suffixes"]):
            return True
        if _PEER_UNITS.fullmatch(name):
            return True                  # 位居六区两县第1位, 十三个地市: the units ranked, not what ranks
        members = _PEER_LIST.split(name)      # 高于全国、全省: a list of peers (one member: no list)
        return len(members) > 1 and all(member and self._is_peer(member) for member in members)

    # -- cleaning ---------------------------------------------------------------------
    def clean_span(self, text: str, start: int, end: int, in_document: bool = True) -> Optional[tuple[int, int]]:
        """The name inside text[start:end] as offsets, without noise at its edges; None if nothing is left.
        ``in_document``: ``text`` is the document, so place names and values found in it can be dropped
        (False for a string cut out of it, whose offsets are not the document's)."""
        while start < end:
            while start < end and text[start] in _EDGE_TRIM:
                start += 1
            while end > start and text[end - 1] in _EDGE_TRIM:
                end -= 1
            if start < end:
                start, end = _balance_quotes(text, start, end)
            if start < end and (text[start] in _PARENS or text[end - 1] in _CLOSING_PARENS):
                start, end = _without_edge_asides(text, start, end)     # 同比（下同）增长: the note names nothing
            if start == end:
                break
            new_start = self._strip_front(text, start, end, in_document)
            new_end = self._strip_back(text, new_start, end) if new_start < end else end
            if (new_start, new_end) == (start, end):
                break
            start, end = new_start, new_end
        name = text[start:end]
        if len(name) < 2 or not (name[0].isalpha() or any(map(str.isalpha, name))):
            return None          # CJK characters are letters too
        if (name[0] in _TIMEFRAME_FIRST or name[0].isdecimal()) and _TIMEFRAME.match(name):
            return None
        if name[-1] in _TAIL_LAST_CHARS and _BASELINE_TAIL.fullmatch(name):
            return None          # 比一季度: a baseline alone names nothing
        if self._is_noise(name):
            return None
        if name[0] == "在" and name.endswith(self.frames):
            return None          # 在这个基础上实现5.5%的增长: a frame names nothing
        if name[0] == "新" and (name == "新高" or name[1:] in self.frame_set):
            return None          # 迈上14万亿元新台阶、连续36年居全国首位: a new level reached names nothing
        if _JOINT_PREFIX.fullmatch(name):
            return None          # 吉林、黑龙江两省的增长目标: the places, named before, not what is measured
        return start, end

    def _is_noise(self, name: str) -> bool:
        """A word that is never a name on its own (全市, 累计, 首个, 第四个 …)."""
        return name in self.noise_words or (name[0] in "全第首" and _ORDINAL.match(name) is not None)

    def _strip_front(self, text: str, start: int, end: int, in_document: bool = True) -> int:
        if in_document:              # 广东地区生产总值, 11类民生支出: the place or the label count goes
            span_end = self.region_spans.get(start)
            if span_end is not None and span_end < end - 1:
                return span_end
            span_end = self.quantity_spans.get(start)
            if span_end is not None and span_end < end - 1:
                return span_end
        first = text[start]
        if first in _FRONT_FIRST or first.isdecimal():      # what the three patterns below can start with
            item = _ITEM_NUMBER.match(text, start, end)
            if item and item.end() < end and _opens_item(text, start):
                return item.end()        # 1.地区生产总值, 二、规上工业增加值: the item's number goes
            joint = _JOINT_PREFIX.match(text, start, end)
            if joint and joint.end() < end - 1:
                return joint.end()       # 两省地区生产总值: the regions were named before
            time = _TIME_PREFIX.match(text, start, end)
            if time and time.end() > start:
                return time.end()
        if first in "按第首":
            front = _FRONT_PHRASE.match(text, start, end)
            if front is not None:            # 按2024年平均汇率计算为…, 第二个规模以上工业总产值: a manner or an
                return front.end()           # order of achievement says nothing of what is measured
        for word in self.name_prefixes.get(first, ()):
            if text.startswith(word, start) and start + len(word) < end and \
                    not (len(word) == 1 and any(text.startswith(blocker, start)
                                                for blocker in self.blockers_by_first.get(first, ()))):
                return start + len(word)     # 共, 累计 …; a one-character one not in 共享, 都市 (cue_blockers)
        if _BAR.search(text, start, end) is not None:   # 某省政府工作报告丨地区生产总值, | 地区生产总值 | 5901亿元:
            bar = max(text.rfind(mark, start, end) for mark in "|丨｜")    # a headline's or a table's bar parts
            if bar < end - 2:                                              # what comes before it from the name
                return bar + 1
        inner = _INNER_TIME.search(text, start + 1, min(end - 2, start + 6))
        if inner is not None and text[inner.start() - 1] not in "比较于与同":
            return inner.start()         # 公司去年营收: a topic before a time word; the metric follows it
        cut = text.rfind("等", start, end)
        if start < cut < end - 2 and (text.find("、", start, cut) >= 0 or text[cut + 1] in "各多一" or
                                      (cut - start >= 2 and text[cut - 1] not in _NOT_BEFORE_ETC and
                                       text[cut + 1] not in _NOT_AFTER_ETC)):
            return cut + 1               # A、B等各类政策资金, 某某火锅等首店品牌: the class, not the examples
        comma = text.rfind("、", start, end)
        if comma >= 0:
            label = _ENUMERATION_LABEL.search(text, comma, end)
            if label is not None:
                return label.start()     # 集成电路、生物医药、人工智能三大先导产业
        return start

    def _strip_back(self, text: str, start: int, end: int) -> int:
        if text[end - 1] in _TAIL_LAST_CHARS:
            for pattern in (_BASELINE_TAIL, _TIMEFRAME_TAIL):
                tail = pattern.search(text, max(start, end - 12), end)
                if tail and tail.start() > start + 1:
                    return tail.start()  # 高新技术企业由2017年, 企业数量三年: neither baseline nor time frame names
        for word in self.name_suffixes.get(text[end - 1], ()):
            if text.endswith(word, start, end) and end - len(word) > start + 1:
                return end - len(word)
        return end

    def clean_text(self, name: str) -> Optional[str]:
        span = self.clean_span(name, 0, len(name), in_document=False)
        return name[span[0]:span[1]] if span else None

    @staticmethod
    def as_name(text: str, span: Optional[tuple[int, int]]) -> Optional[str]:
        return text[span[0]:span[1]] if span else None

    # -- 分别 lists ---------------------------------------------------------------------
    def respective_names(self, text: str, start: int, end: int, count: int) -> Optional[list[tuple[str, Optional[int]]]]:
        """'A、B分别…' → [A, B]; 城乡居民…分别 → 城镇居民…, 农村居民…; None unless there are ``count``.
        Each name comes with the offset of the place its member starts with (南京、苏州地区生产总值), if any."""
        parts = _list_members(text, start, end, count)
        if len(parts) == 1 and count > 1:
            name = self.as_name(text, self.clean_span(text, *parts[0]))
            names = self._distributed(name, count) if name else None
            return [(n, None) for n in names] if names else None
        if len(parts) != count:
            return None
        last = self.as_name(text, self.clean_span(text, *parts[-1]))
        if last is None:
            return None
        names = []
        for part_start, part_end in parts[:-1]:
            part = text[part_start:part_end]
            if self.region_spans.get(part_start) == part_end:
                names.append(last)                                  # 南京、苏州地区生产总值
            elif len(part) <= 3:
                names.append(part + _head_of(last, part))           # 国家级、省级专精特新企业
            elif len(part) <= 6 and len(last) > len(part) + 1 and last[len(part) - 2:len(part)] == part[-2:]:
                names.append(part + last[len(part):])               # 城镇居民、农村居民人均可支配收入
            else:
                name = self.as_name(text, self.clean_span(text, part_start, part_end))
                if name is None:
                    return None
                names.append(name)
        names.append(last)
        growth_noun = next((w for w in self.cues["growth_nouns"] if last.endswith(w)), None)
        if growth_noun:     # 工业投资、技改投资增速 → 工业投资增速, 技改投资增速
            names = [n if n.endswith(growth_noun) else n + growth_noun for n in names]
        places = [part_start if part_start in self.region_spans else None for part_start, _ in parts]
        return list(zip(names, places))

    def _distributed(self, name: str, count: int) -> Optional[list[str]]:
        for word, members in self.distributive.items():
            position = name.find(word)
            if position >= 0 and len(members) == count:
                return [name[:position] + member + name[position + len(word):] for member in members]
        return None



def hits_between(clause: Clause, start: int, end: int) -> list[Hit]:
    """The hits of the clause's sentence that lie within [start, end)."""
    first = bisect_left(clause.hit_starts, start)
    result = []
    for hit in clause.hits[first:]:
        if hit.start >= end:
            break
        if hit.end <= end:
            result.append(hit)
    return result


def _head_of(last: str, member: str) -> str:
    """What the last member of a list adds to its own modifier: 省级专精特新企业 with member 国家级 →
    专精特新企业 (the modifier ends like the member, 级), 农村居民收入 with 城镇 → 居民收入."""
    for length in range(1, 5):
        if length < len(last) and last[length - 1] == member[-1]:
            return last[length:]
    return last[len(member):]


def _list_members(text: str, start: int, end: int, count: int) -> list[tuple[int, int]]:
    """The ``count`` members of the list in text[start:end] (fewer or more when it has no such reading).
    A member may hold 和/与/及 itself (生活用品和服务、医疗保健、教育文化和娱乐), so the list is split at 、
    first, then also at the 和/与/及 of its last member (A、B和C), and at every separator only when the
    count still asks for more (城镇和农村居民…)."""
    members = _split_spans(text, start, end, "、")
    if len(members) >= count:
        return members
    if len(members) > 1:
        last = _split_spans(text, *members[-1])
        if len(members) - 1 + len(last) == count:
            return members[:-1] + last
    return _split_spans(text, start, end)


def _split_spans(text: str, start: int, end: int, separators: str = _SEPARATORS) -> list[tuple[int, int]]:
    """The members of a list in text[start:end] as offsets: split at ``separators`` outside quotes,
    without punctuation at their edges; empty members are left out."""
    spans, depth, member_start = [], 0, start
    for position in range(start, end + 1):
        char = text[position] if position < end else None
        if char is not None and char in _QUOTES and _QUOTES[char] != char:
            depth += 1
        elif char is not None and char in _CLOSING and depth:
            depth -= 1
        if char is None or (depth == 0 and char in separators):
            left, right = member_start, position
            while left < right and text[left] in _TRIM:
                left += 1
            while right > left and text[right - 1] in _TRIM:
                right -= 1
            if right > left:
                spans.append((left, right))
            member_start = position + 1
    return spans


def _opens_item(text: str, start: int) -> bool:
    """Whether an item of a list can begin at ``start``: nothing but blanks and bullets since the start
    of the text, a line, or a colon or semicolon."""
    position = start - 1
    while position >= 0 and (text[position] in " 　\t" or text[position] in _BULLETS):
        position -= 1
    return position < 0 or text[position] in _ITEM_OPENERS


def _balance_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a quote mark at either edge that has no partner inside the name."""
    if start == end or (text[start] not in _QUOTES and text[end - 1] not in _CLOSING):
        return start, end
    while start < end:
        first, last = text[start], text[end - 1]
        if first in _QUOTES and _QUOTES[first] not in text[start + 1:end]:
            start += 1
        elif last in _CLOSING and _CLOSING[last] not in text[start:end - 1]:
            end -= 1
        else:
            break
    return start, end


def _without_edge_asides(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without an aside at either edge (（下同）地区生产总值, 算力规模（FP16）)."""
    if text[start] in _PARENS:
        aside = _ASIDE.match(text, start, end)
        if aside is not None:
            start = aside.end()
    if start < end and text[end - 1] in _CLOSING_PARENS:
        open_at = max(text.rfind("（", start, end - 1), text.rfind("(", start, end - 1))
        if open_at >= start and _ASIDE.fullmatch(text, open_at, end):
            end = open_at
    return start, end


def inline_parenthetical_end(text: str, open_at: int) -> Optional[int]:
    """The end of the parenthetical opening at ``open_at`` when it belongs to the clause (right after a word,
    short, a gloss, a footnote mark or a base: 通用机场（运营中心）, 价格指数（上年=100）); None for an aside."""
    close = _PARENS.get(text[open_at])
    if close is None or open_at == 0 or not text[open_at - 1].isalpha():
        return None
    close_at = text.find(close, open_at + 1, open_at + 2 + _INLINE_MAX)
    if close_at < 0 or not _INLINE_CONTENT.fullmatch(text, open_at + 1, close_at):
        return None
    return close_at + 1


def without_asides(name: Optional[str]) -> Optional[str]:
    """``name`` without footnote marks and asides (地区生产总值[2] → 地区生产总值, 第三产业［3］增加值 →
    第三产业增加值, 价格指数（上年=100） → 价格指数); None if nothing is left."""
    if name is None or _ASIDE_FIRST.isdisjoint(name):
        return name
    return _ASIDE.sub("", name).strip() or None
