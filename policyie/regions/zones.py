"""Development zones written as a place plus a zone type: 玉林高新区, 合肥经开区,
长春净月高新技术产业开发区.  The place candidate grows into one zone record over the whole name,
with the abbreviation written out (合肥经开区 → 合肥经济技术开发区).  Themed parks, science
cities and projects (邯郸数字经济产业园, 合肥滨湖科学城) are not zones: the place stays alone.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from .lexicon import RegionLexicon, Sense

if TYPE_CHECKING:
    from .tagger import Candidate

# written form → full form.  Longest first so 高新技术产业开发区 wins over 开发区.
ZONE_TYPES = {
    "高新技术产业开发区": "高新技术产业开发区", "高新技术产业园区": "高新技术产业园区",
    "高新技术开发区": "高新技术开发区", "经济技术开发区": "经济技术开发区", "自由贸易试验区": "自由贸易试验区",
    "综合保税区": "综合保税区", "经济开发区": "经济开发区", "出口加工区": "出口加工区", "自由贸易港": "自由贸易港",
    "自贸试验区": "自由贸易试验区", "保税港区": "保税港区", "工业园区": "工业园区", "高新区": "高新技术产业开发区",
    "经开区": "经济技术开发区", "综保区": "综合保税区", "自贸区": "自由贸易试验区", "自贸港": "自由贸易港",
    "保税区": "保税区", "开发区": "开发区",
}
# Types that also follow a place plus the zone's own name (长春|净月|高新技术产业开发区).
NAMED_ZONE_TYPES = ("高新技术产业开发区", "高新技术开发区", "经济技术开发区", "经济开发区", "高新区", "经开区",
                    "综合保税区", "综保区", "工业园区")
MAX_ZONE_NAME = 4
# punctuation, function words, and type characters of divisions (河北省|秦皇岛市经济技术开发区:
# the zone starts at the city, not at the province)
ZONE_NAME_BREAKS = set("，。、；：！？,.;:!?（）()《》“”\"' \n\t的和与及或在是为将等了对向从到把被由并有省市区县州盟旗")
_ORDERED_TYPES = sorted(ZONE_TYPES, key=len, reverse=True)
# Small fixed alternations (19 and 9 literals), not names: no backtracking cost to speak of.
_TYPE_HERE = re.compile("(?P<type>" + "|".join(_ORDERED_TYPES) + ")")
_NAMED_TYPE_AFTER = re.compile(
    "[^" + re.escape("".join(sorted(ZONE_NAME_BREAKS))) + r"\d]{1,%d}?" % MAX_ZONE_NAME
    + "(?P<type>" + "|".join(sorted(NAMED_ZONE_TYPES, key=len, reverse=True)) + ")")


_ANY_TYPE = re.compile("|".join(_ORDERED_TYPES))
# A new area after a place and a two-character name of its own (宜宾|三江|新区, 成都|东部|新区): 新区
# is also an everyday word, so only in this shape, and not after words that end in 新 (科技创新区)
# or generic ones (城市新区, 产业新区).
NEW_AREA = "新区"
NEW_AREA_GENERIC = frozenset("城市 生态 产业 科技 经济 国家 省级 市级 县级 一批 两个 三个 重点 综合 现代 特色 "
                             "城乡 滨海 临空 空港 沿江 沿海".split())
NEW_AREA_NOT_START = set("各该本这那全我其此每多几新老")
NEW_AREA_NOT_END = set("创更革翻刷维")
NEW_AREA_BREAKS = ZONE_NAME_BREAKS - set("州盟旗")   # 德阳|凯州|新区


# The zone types that make a group's name a zone's own (东疆综保区); a generic 开发区 after a group
# is a kind of zone within it (京津冀开发区协同发展).
GROUP_ZONE_TYPES = ("综保区", "综合保税区", "保税港区", "高新区", "经开区")


def _new_area_name(name: str) -> bool:
    return (len(name) == 2 and all("\u4e00" <= ch <= "\u9fff" for ch in name) and name not in NEW_AREA_GENERIC
            and name[0] not in NEW_AREA_NOT_START and name[1] not in NEW_AREA_NOT_END
            and not any(ch in NEW_AREA_BREAKS for ch in name))


def _type_near(type_spans: list[tuple[int, int]], type_ends: list[int], position: int) -> bool:
    """Some zone type ends after ``position`` and starts at most a zone name's length after it."""
    index = bisect_right(type_ends, position)
    return index < len(type_spans) and type_spans[index][0] <= position + MAX_ZONE_NAME


def _name_free(candidates: list["Candidate"], index: int, type_start: int) -> bool:
    """No division of its own stands in the new area's name: a county's short name or a
    direction group there is part of it (宜宾|三江新区, 成都|东部新区), a name that runs into the
    type word is a unit of its own (上海|浦东新区)."""
    for following in candidates[index + 1:]:
        if following.start >= type_start:
            return True
        if following.end > type_start or not (following.weak or following.surface.needs_cue):
            return False
    return True


class ZoneFinder:
    def __init__(self, lexicon: RegionLexicon):
        self.lexicon = lexicon

    def grow(self, text: str, candidates: list["Candidate"]) -> list["Candidate"]:
        # Where zone types stand in the text (leftmost-longest, so each occurrence of a type lies
        # within one of them): a zone can follow a place only if one ends after the place and
        # starts within a zone name's length of it.
        type_spans = [found.span() for found in _ANY_TYPE.finditer(text)]
        new_areas = NEW_AREA in text
        if not type_spans and not new_areas:
            return candidates
        type_ends = [end for _, end in type_spans]
        kept: list["Candidate"] = []
        covered_until = -1
        for index, candidate in enumerate(candidates):
            if candidate.start < covered_until:
                continue
            if candidate.zone is None and candidate.surface.group and not candidate.surface.zone_start \
                    and type_spans and _type_near(type_spans, type_ends, candidate.end):
                found = _TYPE_HERE.match(text, candidate.end)   # 东疆综保区: a zone's own name, no group
                if found is not None and found.group("type") in GROUP_ZONE_TYPES:   # not 京津冀|开发区协同
                    self._make_zone(text, candidate, found.end(), found.group("type"))
                    covered_until = found.end()
            elif candidate.zone is None and candidate.surface.zone_start:
                found = None
                if type_spans and _type_near(type_spans, type_ends, candidate.end):
                    found = self._zone_after(text, candidate.end)
                if found is None and new_areas and text.startswith(NEW_AREA, candidate.end + 2) \
                        and _new_area_name(text[candidate.end:candidate.end + 2]) \
                        and _name_free(candidates, index, candidate.end + 2):
                    found = (candidate.end + 4, NEW_AREA)
                if found is not None:
                    end, written_type = found
                    self._make_zone(text, candidate, end, written_type)
                    covered_until = end
            kept.append(candidate)
        return kept

    @staticmethod
    def _zone_after(text: str, position: int) -> tuple[int, str] | None:
        """(end, written type) of a zone type at ``position`` or after a short zone name."""
        found = _TYPE_HERE.match(text, position) or _NAMED_TYPE_AFTER.match(text, position)
        return (found.end(), found.group("type")) if found else None

    def _make_zone(self, text: str, candidate: "Candidate", end: int, written_type: str) -> None:
        written = text[candidate.start:end]
        full = written[: len(written) - len(written_type)] + ZONE_TYPES.get(written_type, written_type)
        listed = self.lexicon.zone_names.get(written) or self.lexicon.zone_names.get(full)
        candidate.zone = listed or Sense(None, full, "zone", "pattern")
        candidate.text_override = candidate.zone.name
        candidate.end = end
