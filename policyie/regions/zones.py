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


def _type_near(type_spans: list[tuple[int, int]], type_ends: list[int], position: int) -> bool:
    """Some zone type ends after ``position`` and starts at most a zone name's length after it."""
    index = bisect_right(type_ends, position)
    return index < len(type_spans) and type_spans[index][0] <= position + MAX_ZONE_NAME


class ZoneFinder:
    def __init__(self, lexicon: RegionLexicon):
        self.lexicon = lexicon

    def grow(self, text: str, candidates: list["Candidate"]) -> list["Candidate"]:
        # Where zone types stand in the text (leftmost-longest, so each occurrence of a type lies
        # within one of them): a zone can follow a place only if one ends after the place and
        # starts within a zone name's length of it.
        type_spans = [found.span() for found in _ANY_TYPE.finditer(text)]
        if not type_spans:
            return candidates
        type_ends = [end for _, end in type_spans]
        kept: list["Candidate"] = []
        covered_until = -1
        for candidate in candidates:
            if candidate.start < covered_until:
                continue
            if candidate.zone is None and candidate.surface.zone_start \
                    and _type_near(type_spans, type_ends, candidate.end):
                found = self._zone_after(text, candidate.end)
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
        full = written[: len(written) - len(written_type)] + ZONE_TYPES[written_type]
        listed = self.lexicon.zone_names.get(written) or self.lexicon.zone_names.get(full)
        candidate.zone = listed or Sense(None, full, "zone", "pattern")
        candidate.text_override = candidate.zone.name
        candidate.end = end
