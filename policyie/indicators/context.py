"""Document context for indicators: sentences, paragraphs, the document's year.

A report delivered in year Y reviews Y-1 and sets targets for Y (SPEC 4);
relative years (今年, 去年, 上年) resolve against the document date.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

_SENTENCE_END = re.compile(r"[。！？!?\n；;]")
_PARAGRAPH_END = re.compile(r"\n")
_DATE_YEAR = re.compile(r"^\s*((?:19|20)\d\d)")
_TITLE_YEAR = re.compile(r"((?:19|20)\d\d)年[^\n。]{0,30}?(?:政府工作报告|工作报告)")


def year_of_date(date: Optional[str]) -> Optional[int]:
    if not date:
        return None
    match = _DATE_YEAR.match(str(date))
    return int(match.group(1)) if match else None


def _starts(pattern: re.Pattern, text: str) -> list[int]:
    return [0] + [m.end() for m in pattern.finditer(text)]


@dataclass
class DocContext:
    text: str
    date: Optional[str] = None
    report_markers: tuple[str, ...] = ()
    sentence_starts: list[int] = field(init=False)
    paragraph_starts: list[int] = field(init=False)
    year: Optional[int] = field(init=False)
    is_report: bool = field(init=False)

    def __post_init__(self):
        self.sentence_starts = _starts(_SENTENCE_END, self.text)
        self.paragraph_starts = _starts(_PARAGRAPH_END, self.text)
        head = self.text[:400]
        title = _TITLE_YEAR.search(head)
        self.is_report = bool(title) or any(marker in head for marker in self.report_markers)
        self.year = int(title.group(1)) if title else year_of_date(self.date)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        return _span_at(self.sentence_starts, offset, len(self.text))

    def paragraph_at(self, offset: int) -> tuple[int, int]:
        return _span_at(self.paragraph_starts, offset, len(self.text))

    def previous_paragraphs(self, offset: int, limit: int = 8):
        """(start, end) of up to ``limit`` paragraphs before the one at ``offset``, nearest first."""
        index = bisect_right(self.paragraph_starts, offset) - 1
        for i in range(index - 1, max(index - 1 - limit, -1), -1):
            start = self.paragraph_starts[i]
            end = self.paragraph_starts[i + 1] if i + 1 < len(self.paragraph_starts) else len(self.text)
            yield start, end


def _span_at(starts: list[int], offset: int, length: int) -> tuple[int, int]:
    index = bisect_right(starts, offset) - 1
    end = starts[index + 1] if index + 1 < len(starts) else length
    return starts[index], end
