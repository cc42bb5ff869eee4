"""From quantities to indicators: what is measured, when, where, and whether it is a goal.

One pass per document: the document's structure (sentences, paragraphs,
sections, years) is read once (:mod:`document`); each sentence holding a
quantity is scanned once for cue words (:mod:`cues`); each quantity then gets
its kind, sign, name (:mod:`names`), year, target and region from look-ups in
those results.  Cue words are data (``data/cues.json``), extendable by rule
packs through :meth:`IndicatorBuilder.add_rules`.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Callable, Iterable, Mapping, Optional, Protocol, Sequence

from policyie.indicators.cues import CUE_LISTS, PREDICATE_ROLES, Cues, Hit, default_cues, is_word_of_its_own
from policyie.indicators.document import DocContext, Frame
from policyie.indicators.names import (NOT_PREDICATE, NOUN_ENDINGS, Clause, NameRules, hits_between,
                                       inline_parenthetical_end, without_asides)
from policyie.quantities import NumeralError, parse_numeral

__all__ = ["CUE_LISTS", "Cues", "IndicatorBuilder", "default_cues"]

_CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n（）()【】〖〗]")    # 【经济运行】: a label ends a clause too
_MULTIPLIED = re.compile("[万亿]")
_WRITTEN_SIGNS = frozenset("-－−负")
_TOPIC = re.compile(r"([^，,。；;：:\n]{2,12}?)方面[，,：:]")
_BARE_COUNTED_MAX = 8
_BARE_COUNTED_SHORT = 4
_CHANGE_FAMILIES = frozenset({"percent", "ratio"})      # 增长1.2倍、35%: one list of changes
_LIST_GAP = re.compile(r"\s*[、和及与，,]?\s*")     # between two values of one list (fullmatch)
_CLAUSE_BREAK = re.compile(r"[，,；;。]")
_SUBJECT_BOUNDARY = re.compile(r"[，,；;：:。\n]")
_CONVERSION_RATE = re.compile(r"1\s*[:：∶]")
# 保持20%以上增长, 实现了11.2%的高增长, 5%以上经济增长目标: a change named after the value (the words between
# are what grows or how fast: 经济, 两位数, 较快)
_GROWTH_AFTER = re.compile(r"的?(?P<noun>[^\W\d]{0,6}?)(?:增长|增速|增幅|涨幅)(?![极点])(?P<goal>(?:的?预期)?目标|预期)?")
_GOAL_AFTER = re.compile(r"的?(?:预期|奋斗|增长|增速)?目标")
_GROWTH_DEGREE = re.compile(r"(?:[两双三]位数|较?高|较快|快速|高速|中高速|平稳|稳定|稳步|稳健|强劲|年均|同比|恢复性|合理|适度)")
_GROWTH_GAP = 4          # characters allowed between a growth word and its value (同比增长了 8%)
_REACHING = frozenset({"达", "达到"})   # 增长达到6.5%: a change reaching a rate
_DIFFERENCE_GAP = 12     # 高于全国平均水平 6.1个百分点
_QUOTE_TITLE_MAX = 20    # a quoted span this short is a name or a title (“10条支持政策”), not a statement
_AGENT_PREFIXES = ("该", "我们")
# SPEC 4: a count over provinces is the country's (上海、北京等20个省(自治区、直辖市)召开了两会)
_PROVINCES = frozenset({"省", "省份", "省区", "省市", "省区市", "省市区", "省级行政区", "省（区、市）", "省(区、市)",
                        "省（自治区、直辖市）", "省(自治区、直辖市)", "省、自治区、直辖市"})
_AGENTS = frozenset({"我们", "国家", "中央", "政府"})     # subjects that say who, never what
_COMPARED_KINDS = ("rank", "difference", "share")
_QUOTED = re.compile("[“《「]")
_BRACKETED = re.compile("[（(［〔\\[¹²³⁴⁵⁶⁷⁸⁹⁰\u2460-\u2473\u2776-\u277f]")      # the first characters of asides
# the base of an index or a ratio, never a value of its own: 性别比为98.5（以女性为100）, 指数（上年=100）
_BASE_BEFORE = re.compile(r"(?:(?<!\w)以(?!上(?![年月])|[下来及内外])[^，,。；;：:（）()为]{1,10}为|[=＝])\s*$")   # not 以上, 所以
_BASE_AFTER = re.compile(r"\s*(?:[）)，,。；;\n]|$)")
_BASE_REACH = 14          # characters before a value read for 以…为 / =
_BASE_LAST = frozenset("为=＝ 　")     # the characters that _BASE_BEFORE can end with
_UNKNOWN = object()       # a value not computed yet
_NO_CUES: Mapping[str, int] = MappingProxyType({})
_NO_FRAME = Frame(None, None)
_GOAL_ROLES = frozenset({"target", "weak_target"})
_LINKING_ROLES = frozenset({"result_verbs", "adverbs"})     # between a growth noun and the rate it reaches
_SCAN_AFTER = 40         # characters after the last value of a sentence that the scan covers


# 全国每出口4辆汽车就有1辆: 每, a verb of at most four characters, the count; then 就有 and the part
_PER_OPENING = re.compile(r"每[^\W\d]{0,4}$")
_PER_PART = re.compile(r"\s*(?:[0-9]+|[一二两三四五六七八九十]{1,3})\s*")
_SENTENCE_STOP = re.compile(r"[；;。！？!?\n]")
_PER_MARKER = re.compile("就有")
_PER_WINDOW = 24          # characters from the whole to 就有


class QuantityLike(Protocol):
    start: int
    end: int
    text: str
    value: float
    unit: str
    approx: str
    upper: Optional[float]
    kind_hint: Optional[str]


@lru_cache(maxsize=1)
def unit_families() -> Mapping[str, str]:
    """Base unit → family (count, money, physical …), read from the quantities grammar's unit table,
    so that a unit added there is known here too."""
    text = (resources.files("policyie.quantities") / "data" / "units.jsonl").read_text("utf-8")
    families: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip():
            record = json.loads(line)
            if record.get("type") == "unit":
                families.setdefault(record["unit"], record.get("family") or "count")
    families["位"] = "rank"
    return families


@dataclass(frozen=True)
class _PerShare:
    """每4辆…就有1辆 read as one share (SPEC 4) where the grammar left two counts or one."""

    start: int
    end: int
    text: str
    value: float
    unit: str = "%"
    approx: str = "exact"
    upper: Optional[float] = None
    kind_hint: Optional[str] = "share"


def outside_places(quantities: Sequence[QuantityLike], regions: Sequence[Mapping]) -> list:
    """The quantities (in text order) that no place name covers: 九台区, 五台县, 第一师 hold a numeral and a
    measure word, but the region tagger read the whole as a place, so they count nothing (a bare 三台 is a
    place only with a cue: 四川绵阳三台; see the regions' `ordinary` rules)."""
    if not regions:
        return list(quantities)
    spans = sorted((r["start"], r["end"]) for r in regions)
    starts = [start for start, _ in spans]
    kept = []
    for quantity in quantities:
        at = bisect_right(starts, quantity.start) - 1
        if at >= 0 and spans[at][1] >= quantity.end:
            continue
        kept.append(quantity)
    return kept


def per_shares(text: str, quantities: Sequence[QuantityLike]) -> list:
    """``quantities`` with each 每N…就有M (N the whole, M the part) replaced by one share of M/N in %:
    the grammar reads 每4辆新能源汽车就有1辆 itself, but not with a verb after 每 (每出口4辆汽车)."""
    markers = [match.start() for match in _PER_MARKER.finditer(text)]
    if not markers:
        return list(quantities)
    result, skip_until = [], -1
    for quantity in quantities:
        if quantity.start < skip_until:
            continue              # the part, inside the share just made
        following = bisect_left(markers, quantity.end)
        near = following < len(markers) and markers[following] < quantity.end + _PER_WINDOW
        share = _per_share_at(text, quantity) if near else None
        if share is not None:
            skip_until = share.end
            quantity = share
        result.append(quantity)
    return result


def _per_share_at(text: str, whole: QuantityLike) -> Optional[_PerShare]:
    opening = _PER_OPENING.search(text, max(0, whole.start - 5), whole.start)
    if opening is None or not whole.value or whole.kind_hint is not None or not whole.unit:
        return None
    window = text[whole.end:whole.end + _PER_WINDOW]
    cut = _SENTENCE_STOP.search(window)        # 每出口4辆汽车，就有1辆: a comma may stand between
    marker = window.find("就有", 0, cut.start() if cut else len(window))
    if marker < 0:
        return None
    part = _PER_PART.match(text, whole.end + marker + 2)
    if part is None or not text.startswith(whole.unit, part.end()):
        return None
    try:
        value = float(parse_numeral(part.group().strip()))
    except NumeralError:
        return None
    end = part.end() + len(whole.unit)
    return _PerShare(opening.start(), end, text[opening.start():end], value / whole.value * 100)


class _Sentence:
    """One sentence holding values: its scan and what every value of it asks the same."""

    __slots__ = ("start", "end", "hits", "hit_starts", "flags", "quoted", "bracketed", "first_cue", "respectively",
                 "clause_marks", "year_marks", "earlier_year")

    def __init__(self, text: str, start: int, end: int, hits: list[Hit], word_info: Mapping, quoted: bool,
                 bracketed: bool, clause_marks: list[int], year_marks: list, is_word: Callable[[Hit], bool]):
        self.start, self.end = start, end
        self.quoted = quoted                    # whether the sentence has quotation or title marks at all
        self.bracketed = bracketed              # … and brackets or note marks (通用机场（运营中心）, 总值[2])
        self.clause_marks = clause_marks        # offsets right after each clause mark
        self.year_marks = year_marks            # the year expressions of the sentence
        self.earlier_year = _UNKNOWN            # the year from the sentences before (computed when asked)
        self.flags: list[int] = []              # the predicate level of each hit (NameRules.predicate_flag)
        self.first_cue: dict[str, int] = {}     # "strong"/"weak"/"expected" → offset of the first such cue
        self.respectively: list[Hit] = []       # the 分别 hits
        length = len(text)
        self.hits = kept = []
        for hit in hits:
            if hit.end - hit.start == 1 and not is_word(hit):
                continue                    # 降 of 起降场, 达 of 直达航线: a letter of another word
            kept.append(hit)
            level, tag = word_info[hit.word]
            if level and hit.end < length and text[hit.end] in NOUN_ENDINGS:
                level = NOT_PREDICATE       # 覆盖率, 完成额, 增长的贡献率: part of a noun
            self.flags.append(level)
            if tag == "respectively":
                self.respectively.append(hit)
            elif tag is not None:
                self.first_cue.setdefault(tag, hit.start)
        self.hit_starts = [hit.start for hit in kept]

    def clause_start(self, offset: int) -> int:
        """Where the clause holding ``offset`` begins (after the last ，；：（ … before it)."""
        index = bisect_right(self.clause_marks, offset) - 1
        return self.clause_marks[index] if index >= 0 else self.start

    def hits_at(self, offset: int) -> list[Hit]:
        index = bisect_left(self.hit_starts, offset)
        return [hit for hit in self.hits[index:index + 1] if hit.start == offset]


class IndicatorBuilder:
    def __init__(self, cues: Optional[Cues] = None):
        self.cues = cues or default_cues()

    def add_rules(self, records: Iterable[Mapping]) -> None:
        """Rule-pack records ``{"cue": <list name>, "text": <word>}`` (see docs/indicators.md)."""
        cues = self.cues
        for record in records:
            if "cue" not in record:
                raise KeyError("cue")
            if "text" not in record:
                raise KeyError("text")
            cues = cues.with_word(record["cue"], record["text"])
        self.cues = cues

    # -- the pass over one document -----------------------------------------
    def build(self, text: str, quantities: Sequence[QuantityLike], *, date: Optional[str] = None,
              region_at: Optional[Callable[[int], Optional[str]]] = None,
              regions: Sequence[Mapping] = (),
              is_boundary: Optional[Callable[[int], bool]] = None) -> list[dict]:
        """Indicator records for the quantities of ``text`` (in order); ``regions`` are the region
        records (start, end, code) of the text, used for names and joint statements; ``is_boundary`` says
        where a word segmenter put word boundaries (None in character mode)."""
        quantities = outside_places(per_shares(text, sorted(quantities, key=lambda q: q.start)), regions)
        quantity_starts = [q.start for q in quantities]
        context = DocContext(text, date, self.cues, quantity_starts)
        # 全国重点实验室 is a kind of laboratory: only provinces and smaller places leave names
        region_spans = {r["start"]: r["end"] for r in regions if r.get("code") != "100000" or r.get("text") != "全国"}
        names = NameRules(self.cues, region_spans, {q.start: q.end for q in quantities})
        holes = sorted([(q.start, q.end) for q in quantities] + [(r["start"], r["end"]) for r in regions])
        run = _DocumentRun(self, text, quantities, quantity_starts, context, names, holes, region_at, regions,
                           is_boundary)
        return run.records()


class _DocumentRun:
    """The state of one ``build`` call: nothing here outlives the document."""

    def __init__(self, builder: IndicatorBuilder, text: str, quantities: Sequence[QuantityLike],
                 quantity_starts: list[int], context: DocContext, names: NameRules, holes, region_at, regions,
                 is_boundary: Optional[Callable[[int], bool]] = None):
        self.cues = builder.cues
        self.sets = builder.cues.sets
        self.text = text
        self.quantities = quantities
        self.context = context
        self.names = names
        self.holes = holes
        self.region_at = region_at
        self.region_starts = sorted((r["start"], r["end"], r.get("code") or "") for r in regions)
        self.region_offsets = [region[0] for region in self.region_starts]
        self.quantity_starts = quantity_starts
        self.region_codes = {r["start"]: r.get("code") for r in regions}
        self.region_texts = frozenset(text[r["start"]:r["end"]] for r in regions)
        self.named_after: set[int] = set()     # starts of the values named by their '的' phrase
        self.peer_values: dict[int, int] = {}   # start of a peer group's own value → end of its comparison word
        self.hole_starts = [hole[0] for hole in holes]
        self.ordinal_before = builder.cues.section_patterns["ordinal_before"]
        self.word_info = builder.cues.word_info
        self.families = unit_families()
        self.is_boundary = is_boundary
        self.units_by_value: Optional[dict] = None      # built on the first bare count of 万 that needs it
        # 120多万甲市人民, 旅客吞吐量突破150万: a bare count of 万 takes the unit its name implies
        implied = builder.cues.table("implied_units")
        self.implied_units = sorted(implied.items(), key=lambda item: -len(item[0]))

    def _counted_head(self, span: tuple[int, int]) -> tuple[int, int]:
        """The counted noun of a bare count of 万: up to the first noun of `table_implied_units` in it
        (农村低收入人口实现增收 → 农村低收入人口, 甲市人民翘首以盼 → 甲市人民), else at most four characters."""
        start, end = span
        phrase = self.text[start:end]
        best = None
        for suffix, _ in self.implied_units:
            found = phrase.find(suffix)
            if found >= 0 and (best is None or found + len(suffix) < best):
                best = found + len(suffix)
        return (start, start + best) if best is not None else (start, min(end, start + _BARE_COUNTED_SHORT))

    def _stated_unit(self, quantity: QuantityLike) -> str:
        """The unit of another value of the document with the same number and a unit (a headline's bare
        13.57万亿 is the 13.57万亿元 of the body); "" if there is none or more than one."""
        if self.units_by_value is None:
            units: dict[float, set] = {}
            for other in self.quantities:
                if other.unit and _MULTIPLIED.search(other.text):
                    units.setdefault(other.value, set()).add(other.unit)
            self.units_by_value = units
        found = self.units_by_value.get(quantity.value)
        return next(iter(found)) if found and len(found) == 1 else ""

    def _implied_unit(self, name: str) -> str:
        for suffix, unit in self.implied_units:
            if name.endswith(suffix):
                return unit
        return ""

    def records(self) -> list[dict]:
        """Sentence by sentence: one scan for each, then its values in order."""
        records: list[dict] = []
        quantities = self.quantities
        index, count = 0, len(quantities)
        while index < count:
            start, end = self.context.sentence_at(quantities[index].start)
            last = index
            while last + 1 < count and quantities[last + 1].start < end:
                last += 1
            sentence = self._sentence(start, end, index, last)
            kept_in_sentence: list[dict] = []
            for position in range(index, last + 1):
                record = self._record(position, quantities[position], sentence, kept_in_sentence)
                if record is not None:
                    records.append(record)
                    kept_in_sentence.append(record)
            index = last + 1
        return records

    def _quantities_in(self, start: int, end: int) -> Sequence[QuantityLike]:
        """The quantities starting in [start, end)."""
        return self.quantities[bisect_left(self.quantity_starts, start):bisect_left(self.quantity_starts, end)]

    # -- sentences and their scan ------------------------------------------------
    def _sentence(self, start: int, end: int, first: int, last: int) -> _Sentence:
        """The sentence [start, end) holding the values first … last, scanned up to a little after them."""
        text = self.text
        last_end = self.quantities[first].end if first == last else \
            max(q.end for q in self.quantities[first:last + 1])
        scan_end = min(end, last_end + _SCAN_AFTER)
        holes = self.holes[bisect_left(self.hole_starts, start):bisect_left(self.hole_starts, scan_end)]
        bracketed = _BRACKETED.search(text, start, end) is not None
        if bracketed:
            marks, glosses = self._clause_marks(start, end)
            if glosses:           # 性别比（以女性为100）为104.5: the words of a gloss are no cues of the clause
                holes = sorted(holes + glosses)
        else:
            marks = [match.end() for match in _CLAUSE_END.finditer(text, start, end)]
        hits = self.cues.scanner.scan(text, start, scan_end, holes)
        quoted = _QUOTED.search(text, start, end) is not None
        return _Sentence(text, start, end, hits, self.word_info, quoted, bracketed, marks,
                         self.context.marks_in(start, end), self._is_word)

    def _is_word(self, hit: Hit) -> bool:
        """Whether a one-character cue stands as a word of its own, not as a letter of another word (降 of 起降场,
        达 of 直达航线, 增 of 增值税): read as verbs they would cut the noun or make a count a change."""
        return is_word_of_its_own(self.text, hit, self.cues.compounds, self.is_boundary, self._amount_at)

    def _amount_at(self, offset: int) -> bool:
        """Whether a value starts at ``offset``, after a marker at most (降3%, 降了3%, 降约2%)."""
        index = bisect_left(self.quantity_starts, offset)
        if index == len(self.quantity_starts):
            return False
        gap = self.quantity_starts[index] - offset
        return gap == 0 or (gap <= 2 and _only_markers(self.text[offset:self.quantity_starts[index]]))

    def _clause_marks(self, start: int, end: int) -> tuple[list[int], list[tuple[int, int]]]:
        """The offsets right after each clause mark of [start, end), and the parentheticals that belong to their
        clause (通用机场（运营中心）5个, 价格指数（上年=100）为98.2), whose parentheses are no clause marks."""
        text = self.text
        marks, glosses = [], []
        for match in _CLAUSE_END.finditer(text, start, end):
            position = match.start()
            if glosses and position < glosses[-1][1]:
                continue
            if text[position] in "（(":
                inline_end = inline_parenthetical_end(text, position)
                if inline_end is not None:
                    glosses.append((position, inline_end))
                    continue
            marks.append(match.end())
        return marks, glosses

    # -- one quantity ------------------------------------------------------------------
    def _record(self, index: int, quantity: QuantityLike, sentence: _Sentence,
                previous_records: list[dict]) -> Optional[dict]:
        previous = previous_records[-1] if previous_records else None
        clause = self._clause_of(quantity, sentence, previous)
        next_start = self.quantities[index + 1].start if index + 1 < len(self.quantities) else len(self.text)
        family = self.families.get(quantity.unit)
        counted = None
        if family == "count" and quantity.kind_hint != "rank":
            counted = self.names.counted_after(clause, quantity, next_start)
        elif not quantity.unit and quantity.end < len(self.text) and _is_cjk_letter(self.text[quantity.end]) and \
                _MULTIPLIED.search(quantity.text):
            counted = self.names.counted_after(clause, quantity,                 # 120多万甲市人民: people counted,
                                               min(next_start, quantity.end + _BARE_COUNTED_MAX))
            if counted is not None:       # … up to a noun whose unit is known (农村贫困人口, 甲市人民), else a short one
                counted = self._counted_head(counted)
            if counted is not None and self.text[counted[0]:counted[1]].startswith(self.names.frames):
                counted = None            # 突破150万大关: a frame, not what is counted
            elif counted is not None and self.names.region_spans.get(quantity.end) == counted[0]:
                counted = (quantity.end, counted[1])     # 120多万甲市人民: the people of a place
        if self._is_not_an_indicator(quantity, sentence, clause, counted, next_start):
            return None
        kind, value, upper = self._kind_and_value(quantity, sentence, clause, previous)
        name, place = self._respective_name(quantity, sentence, previous_records) if sentence.respectively \
            else (None, None)
        if name is None:
            name = self._name(quantity, clause, kind, counted, family, previous)
        if sentence.bracketed:
            name = without_asides(name)
        year, target = self._year_and_target(quantity, sentence, clause)
        unit = quantity.unit
        if not unit and _MULTIPLIED.search(quantity.text):
            if name and self.implied_units:
                unit = self._implied_unit(name)
            if not unit:              # 13.57万亿！(a headline) … 地区生产总值达到13.57万亿元: the unit the text states
                unit = self._stated_unit(quantity)
        return {
            "text": quantity.text, "start": quantity.start, "end": quantity.end,
            "value": value, "unit": unit, "approx": self._approx(quantity, index), "kind": kind,
            "name": name, "year": year,
            "region": place or ("100000" if counted is not None and self.text[counted[0]:counted[1]] in _PROVINCES
                                else self._peer_region(quantity) or
                                self._region(quantity, sentence, clause, kind)),
            "target": target, "upper": upper,
        }

    def _clause_of(self, quantity: QuantityLike, sentence: _Sentence, previous: Optional[dict]) -> Clause:
        """The text before the value that its rules read: back to its clause start, or to the previous
        value when that stands in the same clause."""
        clause_start = segment_start = sentence.clause_start(quantity.start)
        if previous is not None and previous["end"] > segment_start:
            segment_start = previous["end"]
        hits, flags, end = sentence.hits, sentence.flags, quantity.start
        segment_hits, segment_flags = [], []
        for index in range(bisect_left(sentence.hit_starts, segment_start), len(hits)):
            hit = hits[index]
            if hit.start >= end:
                break
            if hit.end <= end:
                segment_hits.append(hit)
                segment_flags.append(flags[index])
        return Clause(self.text, sentence.start, sentence.end, segment_start, hits, sentence.hit_starts,
                      segment_hits, segment_flags, clause_start)

    def _kind_and_value(self, quantity: QuantityLike, sentence: _Sentence, clause: Clause,
                        previous: Optional[dict]) -> tuple[str, float, Optional[float]]:
        """The kind and the signed value; the next value of a list ('增长18.6%、20%') shares its
        predecessor's kind and sign."""
        if previous is not None and clause.segment_start == previous["end"] and \
                _LIST_GAP.fullmatch(self.text, previous["end"], quantity.start) and \
                self._same_measure(previous["unit"], quantity.unit):
            return (previous["kind"], *_with_sign_of(previous, quantity))
        kind, cue = self._kind(quantity, sentence, clause, previous)
        return (kind, *self._signed(quantity, cue))

    def _same_measure(self, unit: str, other: str) -> bool:
        """Whether two values can be members of one list (翻一番、过500亿元 are two statements, not one list)."""
        if unit == other:
            return True
        family, other_family = self.families.get(unit), self.families.get(other)
        return family == other_family or (family in _CHANGE_FAMILIES and other_family in _CHANGE_FAMILIES)

    def _name(self, quantity: QuantityLike, clause: Clause, kind: str, counted: Optional[tuple[int, int]],
              family: Optional[str], previous: Optional[dict]) -> Optional[str]:
        name = self.names.name(clause, quantity, kind, self.names.as_name(self.text, counted),
                               amount=family == "physical", count=family == "count")
        if kind == "level" and counted is None and self._names_what_follows(quantity, clause, previous, name):
            after = self.names.named_after(clause, quantity, self._next_start(quantity))
            if after is not None:
                self.named_after.add(quantity.start)
                return after
        if name is None and kind == "share" and self.text.startswith("的", quantity.end):
            name = self.names.as_name(self.text, self.names.counted_after(clause, quantity, self._next_start(quantity)))
        if kind == "growth" and (name is None or self._is_agent(name)):
            noun = self._growth_noun_after(quantity)
            if noun is not None:
                return noun       # 国家明确4.5%-5%的经济增长预期目标 → 经济
        if name is not None and counted is None and (name in self.region_texts or name in _AGENTS):
            # 海南省实现了11.2%的高增长: a place says whose value it is, not what is measured; it shares the name
            # of the value before only in a list of such values in one clause (湖北12.9%、海南11.2%)
            same = previous is not None and previous["kind"] == kind and previous["unit"] == quantity.unit and \
                previous["start"] >= clause.clause_start
            name = previous["name"] if same else None
        elif name is None and previous is not None:
            name = previous["name"]       # 完成4704.3亿元、增长6.1%: values sharing a subject
        elif name is None and clause.clause_start > clause.sentence_start:
            topic = None                  # 地区生产总值方面，降幅收窄24个百分点: the topic names the value
            for topic in _TOPIC.finditer(self.text, clause.sentence_start, clause.clause_start):
                pass
            if topic is not None:
                name = self.names.clean_text(topic.group(1))
        if name and quantity.unit.endswith("/小时") and name.endswith("时速"):
            name = "时速"                 # SPEC 4: speeds are named 时速, whatever runs at them
        return name

    def _growth_noun_after(self, quantity: QuantityLike) -> Optional[str]:
        """What grows, when a change is named after its value (5%以上经济增长目标 → 经济), not a degree (两位数增速)."""
        after = _GROWTH_AFTER.match(self.text, quantity.end)
        if after is None or not after.group("noun"):
            return None
        noun = self.names.clean_text(after.group("noun"))
        return None if noun is None or _GROWTH_DEGREE.fullmatch(noun) else noun

    def _names_what_follows(self, quantity: QuantityLike, clause: Clause, previous: Optional[dict],
                            name: Optional[str]) -> bool:
        """Whether a '的' phrase after the value names it: the value follows a verb right away and the
        subject names no metric, only who achieved it (苏州还完成了2459.1亿元的一般公共预算收入), or there
        is no subject and no earlier value to share one with (实现了120亿元的营业收入), or the value
        continues a list of such phrases (…的营业收入和10亿元的利润).
        Not after a noun (总投资120亿元的项目) nor after a metric (地区生产总值达到3000亿元的水平)."""
        if not self.text.startswith("的", quantity.end):
            return False
        if previous is not None and previous["start"] in self.named_after and \
                clause.segment_start == previous["end"]:
            return True
        if name is None and previous is not None:
            return False      # 地区生产总值完成…，实现了…的…: the sentence's subject carries over
        if name is not None and not self._is_agent(name):
            return False
        predicates = clause.predicates()
        return bool(predicates) and _only_markers(self.text[predicates[-1].end:quantity.start])

    def _is_agent(self, name: str) -> bool:
        """A subject that says who, not what: a place (苏州), a scope word (全市), a pronoun (该企业, 我们)."""
        sets = self.sets
        return name in self.region_texts or name in sets["scope_words"] or name in sets["national_words"] or \
            name.startswith(_AGENT_PREFIXES) or name in _AGENTS

    def _next_start(self, quantity: QuantityLike) -> int:
        index = bisect_right(self.quantity_starts, quantity.start)
        return self.quantity_starts[index] if index < len(self.quantity_starts) else len(self.text)

    # -- kind and sign ---------------------------------------------------------------
    def _kind(self, quantity: QuantityLike, sentence: _Sentence, clause: Clause,
              previous: Optional[dict]) -> tuple[str, Optional[Hit]]:
        """The kind, and the cue word that decided it (for the sign)."""
        if quantity.kind_hint in ("rank", "growth", "share"):
            return quantity.kind_hint, None
        predicates = clause.predicates("growth")
        if quantity.unit in ("年", "月", "天", "小时", "周"):
            nearest = predicates[-1] if predicates else None
            if nearest is not None and "growth" in nearest.roles and nearest.word not in self.sets["growth_nouns"] \
                    and _only_markers(self.text[nearest.end:quantity.start]):
                return "growth", nearest  # 优良天数比上年增加12天, 缩短3天 (not 增速连续8个月)
            return "level", None      # durations and streaks (连续35年) are amounts
        nearest = predicates[-1] if predicates else None
        if nearest is not None and "difference" in nearest.roles and \
                quantity.start - nearest.end <= _DIFFERENCE_GAP:
            if self._peer_value(quantity, nearest, previous):
                self.peer_values[quantity.start] = nearest.end
                return previous["kind"], None   # 增长5.8%，高于全国的5.0%: the peer's own value, of the same kind
            return "difference", nearest
        growth = self._growth_cue_before(predicates, quantity.start, quantity.unit in ("%", "百分点"))
        if growth is not None:
            return "growth", growth
        if nearest is not None and "stock_increases" in nearest.roles and nearest.end == quantity.start and \
                _follows_stock(self.text, previous, quantity):
            return "growth", nearest  # 播种面积4440万亩、新增202.9万亩: the change of the stock just stated
        if _GROWTH_AFTER.match(self.text, quantity.end) and quantity.unit in ("%", "百分点", "倍"):
            return "growth", None     # 保持20%以上增长
        if quantity.unit in ("%", "", "‰") and \
                any("share" in h.roles for h in hits_between(clause, clause.clause_start, quantity.start)):
            return "share", None
        if quantity.unit in ("%", "百分点"):
            noun = self._growth_subject(clause, quantity.start)
            if noun is not None:
                return "growth", noun  # GDP增长目标由10%以上调整为11%以上, 增速提高到7%: a rate of growth reached
        return "level", None

    def _peer_value(self, quantity: QuantityLike, cue: Hit, previous: Optional[dict]) -> bool:
        """高于全国的5.0%: after a comparison and 的, a value of the same unit as the one compared is the
        peer group's own figure, not the gap between them (that is 高于全国0.8个百分点)."""
        return previous is not None and previous["unit"] == quantity.unit and previous["kind"] != "difference" \
            and self.text[cue.end:quantity.start].rstrip().endswith("的")

    def _peer_region(self, quantity: QuantityLike) -> Optional[str]:
        """The coded place a peer value belongs to (高于全国的5.0% → 100000), when a place names the peer."""
        cue_end = self.peer_values.get(quantity.start)
        if cue_end is None:
            return None
        at = bisect_left(self.region_offsets, cue_end)
        while at < len(self.region_starts) and self.region_starts[at][1] <= quantity.start:
            if self.region_starts[at][2]:
                return self.region_starts[at][2]
            at += 1
        return None

    def _growth_subject(self, clause: Clause, offset: int) -> Optional[Hit]:
        """The growth noun (增速, 增幅, 增长目标 …) that the value's clause is about, when only copulas, result verbs
        and adverbs stand between it and the value."""
        growth_nouns = self.sets["growth_nouns"]
        for hit in reversed(hits_between(clause, clause.clause_start, offset)):
            if hit.word in growth_nouns:
                return hit
            if hit.roles & PREDICATE_ROLES and not hit.roles & _LINKING_ROLES:
                return None
        return None

    def _growth_cue_before(self, predicates: list[Hit], offset: int, rate: bool = False) -> Optional[Hit]:
        """A growth word right before the value (adverbs such as 分别 may stand between; a growth noun
        may take a copula: 增速为4.5%; a rate may follow a word of change and 达/达到: GDP增长达到6.5%)."""
        copula = reaching = False
        for hit in reversed(predicates):
            gap = self.text[hit.end:offset]
            if (len(gap) > _GROWTH_GAP or "、" in gap) and not _only_markers(gap):
                return None           # 美丽乡村提升示范村、45个…: a new member of a list, not the change
            if "growth" in hit.roles and (not copula or hit.word in self.sets["growth_nouns"] or
                                          (reaching and not gap)):
                return hit
            if hit.word in self.sets["copulas"] and not copula:
                copula = True
                reaching = rate and hit.word in _REACHING
            elif "adverbs" not in hit.roles:
                return None
            offset = hit.start
        return None

    def _signed(self, quantity: QuantityLike, cue: Optional[Hit]) -> tuple[float, Optional[float]]:
        if cue is not None and "negative" in cue.roles and quantity.value > 0:
            upper = -quantity.upper if quantity.upper is not None else None
            return -quantity.value, upper
        return quantity.value, quantity.upper

    def _approx(self, quantity: QuantityLike, index: int) -> str:
        """增长5%和7.5%左右: a 左右 after the last member of a list covers the list."""
        text = self.text
        if quantity.approx != "exact" or index + 1 == len(self.quantities) or \
                self.quantities[index + 1].start == quantity.end or not _may_open_list_gap(text[quantity.end]):
            return quantity.approx
        position = index
        while position + 1 < len(self.quantities):
            following = self.quantities[position + 1]
            if not _LIST_GAP.fullmatch(text, self.quantities[position].end, following.start) or \
                    following.start == self.quantities[position].end:
                return quantity.approx
            if following.approx == "about" and following.unit == quantity.unit and \
                    following.text.rstrip().endswith(("左右", "上下")):
                return "about"
            position += 1
        return quantity.approx

    # -- names -----------------------------------------------------------------------
    def _respective_name(self, quantity: QuantityLike, sentence: _Sentence,
                         previous_records: list[dict]) -> tuple[Optional[str], Optional[str]]:
        """In 'A、B分别增长x、y' each value takes its own subject, in order (and its own place, in
        '南京、苏州…分别…'); in '4%、82.7件，分别居第2位、第5位' each takes the name of the value it
        follows up.  Returns (name, region code) or (None, None)."""
        text = self.text
        marker = None
        for hit in sentence.respectively:
            if hit.start >= quantity.start:
                break
            marker = hit
        if marker is None:
            return None, None
        if _CLAUSE_BREAK.search(text, marker.end, quantity.start):
            return self._carried_respective(quantity, sentence, previous_records, marker), None
        members = [q for q in self._quantities_in(marker.end, sentence.end)
                   if not _CLAUSE_BREAK.search(text, marker.end, q.start)]
        group = _list_group(text, members, quantity)
        if group is None or len(group) < 2:
            return None, None
        position = group.index(quantity)
        subjects_start = self._subjects_start(sentence, marker.start, previous_records)
        if self.names.clean_span(text, subjects_start, marker.start) is not None:
            named = self.names.respective_names(text, subjects_start, marker.start, len(group))
            if named is None:
                return None, None
            name, place = named[position]
            return name, self.region_codes.get(place) if place is not None else None
        before = [r for r in previous_records if r["end"] <= marker.start]
        if len(before) >= len(group):
            return before[-len(group):][position]["name"], None
        return None, None

    def _carried_respective(self, quantity: QuantityLike, sentence: _Sentence, previous_records: list[dict],
                            marker: Hit) -> Optional[str]:
        """'A、B分别达到x、y，增长u、v': a list of as many values in a later clause of the sentence, with no
        subject of its own (only words of change before it), takes the names of the 分别 list in order."""
        text = self.text
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, marker.end, quantity.start)]
        clause_start = breaks[-1]
        members = self._quantities_in(clause_start, sentence.end)
        group = _list_group(text, [q for q in members if not _CLAUSE_BREAK.search(text, clause_start, q.start)],
                            quantity)
        if group is None or len(group) < 2 or not self._only_cues(sentence, clause_start, group[0].start):
            return None
        listed = [r for r in previous_records if marker.end <= r["start"] and r["end"] <= breaks[0]]
        if len(listed) != len(group) or not all(_LIST_GAP.fullmatch(text, a["end"], b["start"])
                                                for a, b in zip(listed, listed[1:])):
            return None
        return listed[group.index(quantity)]["name"]

    @staticmethod
    def _only_cues(sentence: _Sentence, start: int, end: int) -> bool:
        """Whether text[start:end] holds nothing but cue words (增长, 同比增长, 分别提高)."""
        covered = start
        for hit in sentence.hits:
            if hit.end <= start:
                continue
            if hit.start >= end:
                break
            if hit.start != covered:
                return False
            covered = hit.end
        return covered == end and end > start

    def _subjects_start(self, sentence: _Sentence, marker_start: int, previous_records: list[dict]) -> int:
        """Where the subjects of a 分别 list begin: after the last value or clause mark before it."""
        start = sentence.start
        for record in previous_records:
            if record["end"] <= marker_start:
                start = max(start, record["end"])
        for match in _SUBJECT_BOUNDARY.finditer(self.text, start, marker_start):
            start = match.end()
        return start

    # -- not indicators ------------------------------------------------------------------
    def _is_not_an_indicator(self, quantity: QuantityLike, sentence: _Sentence, clause: Clause,
                             counted: Optional[tuple[int, int]], next_start: int) -> bool:
        """Values that only the clause shows to be no indicators (the grammar handles their own edges)."""
        if sentence.quoted and _inside_short_quote(self.text, quantity.start, quantity.end, sentence.start,
                                                   sentence.end):
            return True       # “10条支持政策”, “区域品牌传播影响力百强榜”: titles
        if counted is not None and self._labels_what_follows(quantity, counted, next_start):
            return True
        if counted is not None and quantity.start and self._counts_its_list(quantity, clause):
            return True       # 甲、乙、丙等3个产业: the count of the list just named is its label
        if quantity.start and self.text[quantity.start - 1] in _BASE_LAST and self._is_base(quantity, clause):
            return True
        return self._is_magnitude_label(quantity, sentence, clause)

    def _counts_its_list(self, quantity: QuantityLike, clause: Clause) -> bool:
        """A count right after 等 that equals the number of members listed before 等 (人工智能、生物医药、
        新能源汽车与低空经济等4个产业) labels that list; 华为、中兴等5家企业 counts more than it lists."""
        if quantity.approx != "exact" or quantity.kind_hint is not None or \
                self.families.get(quantity.unit) != "count":
            return False
        after_etc = self.text[quantity.start - 1] == "等"
        members = self.text[clause.segment_start:quantity.start - 1 if after_etc else quantity.start]
        if "、" not in members:
            return False
        listed = members.count("、") + 1        # the last member may join two with 和/与/及 (航空航天与低空经济)
        if not after_etc and (listed < 3 or not _is_cjk_letter(members[-1])):
            return False                         # 木业、食品、冶金、机械4个…集群; not 学校、医院2所
        joined = sum(members.rsplit("、", 1)[-1].count(word) for word in "和与及")
        return listed <= quantity.value <= listed + joined

    def _is_base(self, quantity: QuantityLike, clause: Clause) -> bool:
        """以女性为100, 上年=100: the reference that a ratio or an index is stated against."""
        text = self.text
        before = max(clause.clause_start, quantity.start - _BASE_REACH)
        return _BASE_BEFORE.search(text, before, quantity.start) is not None and \
            _BASE_AFTER.match(text, quantity.end) is not None

    def _labels_what_follows(self, quantity: QuantityLike, counted: tuple[int, int], next_start: int) -> bool:
        after = counted[1]
        while after < len(self.text) and self.text[after] in " 　":
            after += 1
        if after < len(self.text) and self.text[after] in "：:":
            return True       # 列出7项将落实的具体任务：… — the count of a list that follows
        # 11类民生支出3569.5亿元: the count labels the subject of the next value
        return after == next_start and quantity.unit in self.sets["label_units"]

    def _is_magnitude_label(self, quantity: QuantityLike, sentence: _Sentence, clause: Clause) -> bool:
        """首个300亿元园区: a magnitude between an order of achievement and a noun (not 首个突破…的)."""
        text = self.text
        ordinal = self.ordinal_before.search(text, max(sentence.start, quantity.start - 8), quantity.start)
        if ordinal is None or quantity.end >= len(text) or text[quantity.end] in "，,、；;。：:（）()\n的":
            return False
        gap_hits = hits_between(clause, ordinal.start(), quantity.start)
        return not any(self.names.is_predicate(text, h) for h in (*gap_hits, *sentence.hits_at(quantity.end)))

    # -- year and target -----------------------------------------------------------------
    def _year_and_target(self, quantity: QuantityLike, sentence: _Sentence,
                         clause: Clause) -> tuple[Optional[int], bool]:
        context = self.context
        offset, first_cue = quantity.start, sentence.first_cue
        year, deadline = context.governing_year_of(sentence.year_marks, offset)
        frame = context.frame_at(offset)
        done = first_cue.get("done", offset) < offset and self._done_in_clause(clause, offset)
        if done:
            # 今年将开通航线10条以上。¶ 目前，已集聚企业超150家: a result marker in the value's own clause states
            # what is, whatever goal an earlier clause, sentence or paragraph set
            first_cue = _NO_CUES
            if deadline:
                year, deadline = None, False
            if frame.mode == "plan":
                frame = _NO_FRAME
        if year is None:
            if sentence.earlier_year is _UNKNOWN:
                sentence.earlier_year = context.earlier_year(sentence.start)
            year = sentence.earlier_year if sentence.earlier_year is not None else frame.year
        strong = deadline or first_cue.get("strong", offset) < offset        # 力争, 目标, 到2027年
        if not strong and quantity.unit == "%":
            after = _GROWTH_AFTER.match(self.text, quantity.end)
            strong = (after is not None and after.group("goal") is not None) or \
                _GOAL_AFTER.match(self.text, quantity.end) is not None          # 5%以上经济增长目标, 5%左右的目标
        weak = first_cue.get("weak", offset) < offset                        # 将, 要
        expected = first_cue.get("expected", offset) < offset                # 预计
        doc_year = context.year
        if year is None and context.is_report and doc_year is not None:
            year = doc_year if (strong or weak or frame.mode == "plan") else context.reviewed_year
        elif year is None and not (strong or weak or expected or frame.mode == "plan"):
            year = context.opening_year      # the year a review is about: its results that name none
        return year, not done and self._is_target(year, doc_year, frame.mode, strong, weak, expected)

    @staticmethod
    def _done_in_clause(clause: Clause, offset: int) -> bool:
        """Whether the last goal word or result marker (已, 目前) of the value's clause is a result marker."""
        done = False
        for hit in hits_between(clause, clause.clause_start, offset):
            if "result_markers" in hit.roles:
                done = True
            elif hit.roles & _GOAL_ROLES:
                done = False
        return done

    def _is_target(self, year: Optional[int], doc_year: Optional[int], mode: Optional[str],
                   strong: bool, weak: bool, expected: bool) -> bool:
        known = year is not None and doc_year is not None
        past = known and year < doc_year
        if strong:
            return not (past and mode == "review")
        if expected:                       # 预计, 有望: a result for a finished year, an expectation otherwise
            if mode == "review" and not (known and year > doc_year):
                return False               # a review delivered in December of its year estimates its results
            return not past if known else mode != "review"
        if known:
            if year != doc_year:
                return year > doc_year
            if mode == "review":           # 一、2023年工作回顾 in a report of 2023-12: results, not goals
                return False
            return self.context.is_report or weak or mode == "plan"
        if mode == "review":
            return False
        return weak or mode == "plan"

    # -- region --------------------------------------------------------------------------
    def _region(self, quantity: QuantityLike, sentence: _Sentence, clause: Clause, kind: str) -> Optional[str]:
        clause_start = clause.clause_start
        if self._stated_jointly(clause_start, quantity.start):
            return None
        if quantity.unit == "" and _CONVERSION_RATE.match(quantity.text):
            return "100000"           # SPEC 4: a conversion rate (1:7.1217) is the country's
        if self.region_at is None:
            return None
        region = self.region_at(quantity.start)
        if region is not None and kind in _COMPARED_KINDS and \
                region == self._baseline_region(quantity, sentence, clause_start):
            # 整车出口量跃居全国首位: the country is what the value is compared with, not what it describes;
            # the value keeps the region that governed before its sentence, if that is another one
            before = self.region_at(sentence.start - 1) if sentence.start > 0 else None
            return before if before != region else None
        return region

    def _baseline_region(self, quantity: QuantityLike, sentence: _Sentence, clause_start: int) -> Optional[str]:
        """The code of the place in the value's clause that the value is compared with or counted within:
        after a predicate (居全国首位, 高于全国, 占全省), right before the value (全国第一) or before 每
        (全国每出口4辆汽车就有1辆)."""
        starts = self.region_starts
        index = bisect_left(starts, (quantity.start, -1, "")) - 1
        while index >= 0 and starts[index][0] >= clause_start:
            start, end, code = starts[index]
            index -= 1
            if end > quantity.start:
                continue
            if end == quantity.start or self.text.startswith("每", end):
                return code
            before = bisect_left(sentence.hit_starts, start) - 1
            if before >= 0 and sentence.hits[before].end == start and \
                    self.names.is_predicate(self.text, sentence.hits[before]):
                return code
        return None

    def _stated_jointly(self, start: int, end: int) -> bool:
        """A、B两市合计…: one value for several named regions describes none of them alone."""
        offsets = self.region_offsets
        first = bisect_left(offsets, start)
        if bisect_left(offsets, end, first) - first < 2:
            return False            # most clauses name one place at most
        starts = self.region_starts
        regions = []
        for index in range(first, len(starts)):     # no slice: O(regions in clause)
            region = starts[index]
            if region[0] >= end:
                break
            if region[1] <= end:
                regions.append(region)
        for left, right in zip(regions, regions[1:]):
            if left[2] != right[2] and self.text[left[1]:right[0]] in ("、", "和", "与", "及", "以及"):
                return True
        return False


def _follows_stock(text: str, previous: Optional[dict], quantity: QuantityLike) -> bool:
    """Whether ``quantity`` follows, in the same clause, a level of the same unit (its stock)."""
    return previous is not None and previous["unit"] == quantity.unit and previous["kind"] == "level" and \
        not _CLAUSE_BREAK.search(text, previous["end"], quantity.start)


def _may_open_list_gap(char: str) -> bool:
    """Whether a gap starting with ``char`` can be a _LIST_GAP."""
    return char in "、和及与，," or char.isspace()


def _is_cjk_letter(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _only_markers(gap: str) -> bool:
    return all(char in "了约近超达为 　" for char in gap)


def _with_sign_of(previous: dict, quantity: QuantityLike) -> tuple[float, Optional[float]]:
    """A list member shares the sign its predecessor got from a word (下降3.1%、2.4%), not a written one
    (增幅分别为2.15%、-69.05%和38.21%: 38.21 stays positive)."""
    if previous["value"] < 0 < quantity.value and previous["text"][:1] not in _WRITTEN_SIGNS:
        return -quantity.value, (-quantity.upper if quantity.upper is not None else None)
    return quantity.value, quantity.upper


def _list_group(text: str, members: Sequence[QuantityLike], quantity: QuantityLike) -> Optional[list]:
    """The run of values around ``quantity`` joined only by list separators (60家和30家)."""
    groups: list[list] = []
    for member in members:
        if groups and _LIST_GAP.fullmatch(text, groups[-1][-1].end, member.start):
            groups[-1].append(member)
        else:
            groups.append([member])
    for group in groups:
        if quantity in group:
            return group
    return None


def _inside_short_quote(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> bool:
    for opening, closing in (("“", "”"), ("《", "》"), ("「", "」")):
        open_at = text.rfind(opening, max(sentence_start, start - _QUOTE_TITLE_MAX), start)
        if open_at < 0 or text.find(closing, open_at, start) >= 0:
            continue
        close_at = text.find(closing, end, min(sentence_end, open_at + _QUOTE_TITLE_MAX + 2))
        if close_at >= 0 and (opening == "《" or close_at - open_at <= _QUOTE_TITLE_MAX):
            return True
    return False
