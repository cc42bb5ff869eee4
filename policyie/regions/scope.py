"""Which region governs each sentence of a document.

Built once per document from the region matches:

* a sentence's own subject: the first place (or scope word such as 全省, 我市) of the clause,
  skipping places that are only compared with or visited (高于全国, 与上海, 赴深圳); a later
  subject in the same sentence takes over from its position on;
* otherwise the section heading above it (``■ 辽宁``, a short line naming a place);
* otherwise the document's own region (its title region, or its most frequent region).

Scope words name the document's own region at their level: 全省/我省 a province, 全市/本市 a
city (or a municipality), 全区 an autonomous region or a district, 全县 a county, 全州 an
autonomous prefecture; 全国/我国 are matches of the country (100000).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import TYPE_CHECKING, Iterable

from .table import COUNTRY_CODE, DivisionTable

if TYPE_CHECKING:
    from .tagger import RegionMatch

_SENTENCE_END = re.compile("[。！？!?；;\n]")
HEADING_MARKS = set("■□●○◆◇▲△★☆▶►【#")
MAX_HEADING = 30
# scope word → the endings of the names it can stand for
SCOPE_WORDS = {
    "全省": ("省",), "我省": ("省",), "本省": ("省",), "全省域": ("省",),
    "全市": ("市",), "我市": ("市",), "本市": ("市",), "全市域": ("市",),
    "全区": ("自治区", "区"), "我区": ("自治区", "区"), "本区": ("区",), "全自治区": ("自治区",),
    "全县": ("县",), "我县": ("县",), "本县": ("县",),
    "全州": ("州",), "我州": ("州",), "全盟": ("盟",), "全旗": ("旗",),
}
FIXED_SCOPE = {"全疆": "650000", "全岛": "460000"}
# Before these a place is compared with, visited or joined, not the subject.
NOT_SUBJECT_BEFORE = ("高于", "低于", "超过", "超出", "快于", "慢于", "与", "和", "同", "跟", "比", "较", "赴", "到",
                      "至", "向", "对", "来自", "占", "从", "为")


class RegionScope:
    def __init__(self, text: str, matches: list["RegionMatch"], table: DivisionTable):
        self.text = text
        self.table = table
        self.matches = sorted(matches, key=lambda m: m.start)
        self.main = self._main_region()
        self._points: list[tuple[int, str | None]] = self._build()
        self._offsets = [offset for offset, _ in self._points]

    # -- public -------------------------------------------------------------
    def region_at(self, offset: int) -> str | None:
        index = bisect_right(self._offsets, offset) - 1
        return self._points[index][1] if index >= 0 else self.main

    def breakpoints(self) -> list[tuple[int, str | None]]:
        """(offset, code) where the governing region may change, in order."""
        return list(self._points)

    # -- document region ----------------------------------------------------
    def _main_region(self) -> str | None:
        title = self._title_region()
        if title is not None:
            return title
        counts = Counter(self._code_of(m) for m in self.matches
                         if m.level in ("country", "province", "prefecture", "county"))
        counts.pop(None, None)
        if not counts:
            return None
        # most mentions; on a tie the country (a national report names many places once each),
        # then the larger unit
        rank = {"country": 0, "province": 1, "prefecture": 2, "county": 3}
        return max(counts, key=lambda code: (counts[code], -rank[self.table.get(code).level]))

    def _title_region(self) -> str | None:
        line_end = self.text.find("\n")
        if line_end < 0 or line_end > 60:
            return None
        for match in self.matches:
            if match.start >= line_end:
                break
            code = self._code_of(match)
            if code is not None:
                return code
        return None

    def _code_of(self, match: "RegionMatch") -> str | None:
        if match.level == "zone":
            return match.code or match.parent
        return match.code if match.level != "group" else None

    def _scope_word_code(self, word: str) -> str | None:
        if word in FIXED_SCOPE:
            return FIXED_SCOPE[word]
        endings = SCOPE_WORDS[word]
        counts = Counter()
        for match in self.matches:
            if match.code and match.level in ("province", "prefecture", "county") and match.name.endswith(endings):
                counts[match.code] += 1
        main = self.main
        main_name = self.table.get(main).name if self.table.get(main) else ""
        if main and main_name.endswith(endings):
            return main
        # the main region's own province/city when the word names a level above it
        for code in self.table.ancestors(main) if main else ():
            division = self.table.get(code)
            if division and division.name.endswith(endings):
                return code
        if counts:
            return counts.most_common(1)[0][0]
        return main

    # -- sentences ------------------------------------------------------------
    def _build(self) -> list[tuple[int, str | None]]:
        points: list[tuple[int, str | None]] = []
        section = self.main
        subjects = self._subjects()
        index = 0
        for start, end, is_heading in self._sentences():
            own = []
            while index < len(subjects) and subjects[index][0] < end:
                if subjects[index][0] >= start:
                    own.append(subjects[index])
                index += 1
            if is_heading and own:
                section = own[0][1]
            first = own[0][1] if own else section
            points.append((start, first))
            for offset, code in own[1:]:
                points.append((offset, code))
        return _merge(points)

    def _sentences(self) -> Iterable[tuple[int, int, bool]]:
        text = self.text
        start = 0
        for found in _SENTENCE_END.finditer(text):
            position, char = found.start(), found.group()
            yield start, position + 1, self._is_heading(start, position, char)
            start = position + 1
        if start < len(text):
            yield start, len(text), self._is_heading(start, len(text), "\n")

    def _is_heading(self, start: int, end: int, ending: str) -> bool:
        line = self.text[start:end].strip()
        if not line:
            return False
        if line[0] in HEADING_MARKS:
            return True
        return ending == "\n" and len(line) <= MAX_HEADING and not any(ch in line for ch in "，,。")

    def _subjects(self) -> list[tuple[int, str | None]]:
        """(offset, code) of every place or scope word that can be a clause's subject."""
        found = []
        covered = {i for m in self.matches for i in range(m.start, m.end)}
        codes = {word: self._scope_word_code(word) for word in (*SCOPE_WORDS, *FIXED_SCOPE) if word in self.text}
        for match in self.matches:
            if not self._is_compared(match.start):
                found.append((match.start, self._code_of(match)))
        for word in (*SCOPE_WORDS, *FIXED_SCOPE):
            position = self.text.find(word)
            while position >= 0:
                if not self._is_compared(position) and position not in covered:
                    found.append((position, codes[word]))
                position = self.text.find(word, position + len(word))
        found.sort(key=lambda item: item[0])
        return _drop_nested_scope_words(found)

    def _is_compared(self, position: int) -> bool:
        return self.text[max(0, position - 2):position].endswith(NOT_SUBJECT_BEFORE)


def _drop_nested_scope_words(found: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
    """全省域 also contains 全省: keep one entry per offset."""
    seen, unique = set(), []
    for offset, code in found:
        if offset not in seen:
            seen.add(offset)
            unique.append((offset, code))
    return unique


def _merge(points: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
    merged: list[tuple[int, str | None]] = []
    for offset, code in points:
        if merged and merged[-1][1] == code:
            continue
        merged.append((offset, code))
    return merged
