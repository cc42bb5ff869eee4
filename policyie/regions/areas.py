"""Names made of a short proper name and a type word, found from the type word backwards.

* Regional groupings named with a type word: 淮河生态经济带, 呼包鄂榆城市群, 南京都市圈,
  平陆运河经济带 — one ``group`` record over the whole name (code null), whether or not a place
  starts it (a place inside it is part of the group's name, not a record of its own).
* Development zones written by their own short name, without a place before them: 新站高新区,
  金桥经开区 — one ``zone`` record (code null), the abbreviation written out in ``name``, the
  containing division from the context (the nearest division named before it) as ``parent``.

The name runs back from the type word to a break: punctuation, a function word, a division's
type character (合肥市|新站高新区) or a verb that starts the clause (支持|金桥经开区, 融入|南京都市圈).
Generic words (国家高新区, 省级高新区, 各类开发区, 世界级城市群) are not names.
"""
from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections import Counter
from typing import TYPE_CHECKING, Callable, Optional

from .lexicon import Sense, Surface
from .table import DivisionTable
from .zones import ZONE_TYPES

if TYPE_CHECKING:
    from .tagger import Candidate

GROUP_TYPES = ("经济带", "经济区", "经济圈", "城市群", "都市圈")
BARE_ZONE_TYPES = ("高新技术产业开发区", "经济技术开发区", "综合保税区", "高新区", "经开区", "综保区", "新区")
_TYPES = re.compile("|".join(sorted(GROUP_TYPES + BARE_ZONE_TYPES, key=len, reverse=True)))
GROUP_PREFIXES = set("大环")   # 大南昌都市圈, 环成都经济圈
MAX_GROUP_STEM = 8      # 黄河几字弯, 辽宁沿海 …: a place may start a longer name
MAX_BARE_STEM = 4
BREAK_CHARS = set("，。、；：！？,.;:!?（）()《》“”\"'‘’ \n\t的和与及或在是为将等了对向从到把被由并有以于入至给让使"
                  "省市区县州盟旗") | set("0123456789")
# Verbs that start a clause before the name.
LEADING_VERBS = ("建设", "推进", "推动", "打造", "发展", "加快", "支持", "实施", "引进", "落户", "签约", "融入", "共建",
                 "对接", "依托", "服务", "深化", "参与", "获批", "获列", "列为", "纳入", "做强", "做大", "提升", "谋划",
                 "争创", "创建", "设立", "围绕", "聚焦", "落实", "加强", "促进", "用好", "办好", "抓好", "携手", "联动",
                 "辐射", "带动", "培育", "形成", "成为", "建成", "完成", "实现", "开展", "举办", "助力", "主动", "积极",
                 "全面", "大力", "持续", "加速", "着力", "高标准", "高水平", "高质量", "新建", "组建", "申报", "申建")
# every position where a verb starts, with the longest verb there
_VERB_AT = re.compile("(?=(%s))" % "|".join(sorted(LEADING_VERBS, key=len, reverse=True)))
# Words before a type word that are not names of one area.
GENERIC_STEMS = frozenset(
    "国家 国家级 省级 市级 县级 区级 各类 各级 全市 全省 全区 全县 全国 这些 这个 该 本 各 其 此 我市 我省 我区 "
    "现有 新型 综合 所有 多个 其他 重点 周边 城市 建设 规划 现代化 世界级 中心 核心 大型 特大 超大 新兴 沿海 沿江 "
    "沿边 沿黄 内陆 区域性 跨境 边境 特色 一流 区域 国际 特殊 自由 开放 生态 绿色 数字 海洋 蓝色 临空 空港 产业 科技 "
    "经济 一批 两个 三个 几个 若干 省内 市内 区内 辖区 园区 重要 主要 新 老 两大 三大 四大 五大 六大 十大".split())
# Everyday words that end in a division's type character: 城市|东部新区 is not 市|name.
GENERIC_BEFORE = ("城市", "地区", "城区", "市区", "园区", "片区", "郊区", "省市", "县区", "社区", "小区", "景区", "辖区")
NOT_NAME_START = set("各该本这那全我其此每多几诸某另一两二三四五六七八九十百千万第不没很更最要应可能会将已正还再又也都均共同")
# A type word that goes on into another word is not one: 经济带来, 经济带动, 城市群众, 经济区域.
NOT_TYPE_AFTER = {"经济带": set("来动给着领"), "城市群": set("众体"), "经济区": set("域位别"), "经济圈": set("子定点")}
# 提高|新区 is not a zone 提|高新区: characters that make a word with the type's first character.
NOT_STEM_END = {"高新区": set("提最更升较很偏增崇拔抬"), "新区": set("创更革翻刷维"), "经开区": set()}


class AreaFinder:
    def __init__(self, table: DivisionTable):
        self.table = table

    def find(self, text: str, candidates: list["Candidate"],
             is_boundary: Optional[Callable[[int], bool]] = None) -> list["Candidate"]:
        """``candidates`` (resolved, in order) with the named areas added and the places inside
        a group's name removed."""
        if not _TYPES.search(text):
            return candidates
        from .tagger import Candidate

        covered = _Spans([(c.start, c.end) for c in candidates])
        added: list[Candidate] = []
        swallowed: set[int] = set()
        for found in _TYPES.finditer(text):
            type_start, type_end, written = found.start(), found.end(), found.group()
            if covered.cover(type_start) or covered.cover(type_end - 1):
                continue   # 长江经济带, 苏州工业园区, 合肥高新区: already a record
            if text[type_end:type_end + 1] in NOT_TYPE_AFTER.get(written, ()):
                continue
            if text[type_start - 1:type_start] in NOT_STEM_END.get(written, ()):
                continue
            if is_boundary is not None and not is_boundary(type_start):
                continue   # the segmenter reads 提高|新区, not 提|高新区
            is_group = written in GROUP_TYPES
            inside = [c for c in candidates if c.end <= type_start and c.start >= type_start - MAX_GROUP_STEM]
            stem_start, delimited = _stem_start(text, type_start, MAX_GROUP_STEM if is_group else MAX_BARE_STEM)
            inside = [c for c in inside if c.start >= stem_start]
            if inside and not is_group:
                continue   # a place before the zone's name: the zone finder's case
            if is_group and inside:
                if len(inside) == 1 and inside[0].end == type_start and _is_group(inside[0]):
                    continue   # 京津冀城市群 is 京津冀 with a generic head (SPEC: 长三角地区 → 长三角)
                first = inside[0].start           # 以|南京都市圈: the name starts at the place,
                stem_start = first - 1 if stem_start == first - 1 and text[stem_start] in GROUP_PREFIXES else first
                # or at 大/环 right after a break or a verb (打造|大南昌都市圈, 环成都经济圈, not 扩大|南京都市圈)
            stem = text[stem_start:type_start]
            if not _is_name(stem, is_group, bool(inside)):
                continue
            if text[max(0, stem_start - 2):stem_start] in GENERIC_BEFORE:
                continue
            if written == "新区" and (len(stem) != 2 or not delimited):
                continue   # 城市东部新区: 新区 is also an everyday word; only a delimited short name
            if is_boundary is not None and not inside and not is_boundary(stem_start) and stem_start > 0:
                continue
            if is_group:
                sense = Sense(None, stem + written, "group", "pattern",
                              members=_members(inside))
                candidate = Candidate(stem_start, type_end, Surface.pattern(stem + written, sense), chosen=sense)
                swallowed.update(c.start for c in inside)
            else:
                parent = _context_parent(candidates, stem_start, self.table)
                sense = Sense(None, stem + ZONE_TYPES.get(written, written), "zone", "pattern", parent=parent)
                candidate = Candidate(stem_start, type_end, Surface.pattern(stem + written, sense),
                                      zone=sense, chosen=sense)
            added.append(candidate)
            covered.add(stem_start, type_end)
        if not added:
            return candidates
        kept = [c for c in candidates if c.start not in swallowed]
        return sorted(kept + added, key=lambda c: c.start)


class _Spans:
    """Spans that do not overlap (the records so far): which one covers an offset."""

    def __init__(self, spans: list[tuple[int, int]]):
        self._spans = sorted(spans)

    def cover(self, offset: int) -> bool:
        index = bisect_right(self._spans, (offset, float("inf"))) - 1
        return index >= 0 and self._spans[index][1] > offset

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))


def _stem_start(text: str, type_start: int, longest: int) -> tuple[int, bool]:
    """Where the name before a type word starts: after the last break within ``longest``
    characters, and after a leading verb; and whether a break or a verb (or the text's start)
    delimits it, rather than the length limit."""
    start = max(0, type_start - longest)
    delimited = start == 0
    for position in range(type_start - 1, start - 1, -1):
        if text[position] in BREAK_CHARS:
            start, delimited = position + 1, True
            break
    cut = start   # after the verb that ends last (a verb right before the type leaves no name)
    for found in _VERB_AT.finditer(text, start, type_start):
        cut = max(cut, found.start() + len(found.group(1)))
    return cut, delimited or cut > start


def _is_name(stem: str, is_group: bool, has_place: bool) -> bool:
    if len(stem) < 2 or stem in GENERIC_STEMS or stem[0] in NOT_NAME_START:
        return False
    if any(not ("\u4e00" <= ch <= "\u9fff") for ch in stem):
        return False
    if not has_place and len(stem) > MAX_BARE_STEM:
        return False
    return not any(stem.endswith(word) for word in ("临空", "空港", "航空港", "开发", "示范", "渔港", "港口", "临港", "口岸"))


def _is_group(candidate: "Candidate") -> bool:
    return candidate.chosen is not None and candidate.chosen.level == "group"


def _members(inside: list["Candidate"]) -> tuple[str, ...]:
    members: list[str] = []
    for candidate in inside:
        sense = candidate.chosen
        if sense is None:
            continue
        members.extend(sense.members if sense.level == "group" else (sense.code,) if sense.code else ())
    return tuple(dict.fromkeys(members))


def _context_parent(candidates: list["Candidate"], position: int, table: DivisionTable) -> str | None:
    """The division a bare zone lies in: the nearest prefecture or county named before it, else
    the one named most often (on a tie the one named first: a set's order would change from
    run to run)."""
    before = [c for c in candidates if c.start < position and _division_code(c)]
    if before:
        return _division_code(before[-1])
    counts = Counter(code for code in map(_division_code, candidates) if code)
    return max(counts, key=counts.__getitem__) if counts else None


def _division_code(candidate: "Candidate") -> str | None:
    sense = candidate.zone or candidate.chosen
    if sense is None:
        return None
    if sense.level == "zone":
        return sense.code or sense.parent
    return sense.code if sense.level in ("prefecture", "county") else None

