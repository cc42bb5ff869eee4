"""The document around an indicator: sentences, paragraphs, headings, years and sections.

Everything here is computed once per document, in one pass over its
paragraphs, and then looked up by offset (bisect), so the per-quantity cost
stays constant.

Years (SPEC 4): a value takes the year named in its sentence before it, else
the year that opens an earlier sentence of its paragraph, else the year that
opens an earlier paragraph of its block (the paragraphs since the last
heading), else the year of its section.  A *section* is set by a heading
(``一、2024年工作回顾``, ``二、2025年工作安排``, ``■ 北京``), by a paragraph that
opens a review or a plan (``过去一年，…``, ``今年经济社会发展的主要预期目标是：``),
or, for one block, by a paragraph that introduces what a report or a plan
sets out (``辽宁省政府工作报告对…提出了明确要求。``).  A report delivered in
year Y reviews Y-1 and plans Y, so in a report a value with no year at all
takes Y-1 (a result) or Y (a target).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Optional, Sequence

from policyie.indicators.cues import Cues

_SENTENCE_END = re.compile(r"[。！？!?\n]")
_DATE_YEAR = re.compile(r"^\s*((?:19|20)\d\d)")
_CLAUSE_MARK = re.compile(r"[，,：:；;]")
# 某某网2024年1月19日讯, 新华社…2025年3月5日电: where and when news was filed, not the year of its values
_DATELINE_AFTER = re.compile(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[讯电]")
_STARTING_GAP = re.compile(r"\s*[末底初]?\s*的?\s*")      # 从2015年末的280.5亿元
_STARTING_POINTS = ("由", "从")       # a baseline year of these governs the value right after it
_BASELINE_BEFORE = ("由", "从", "比", "较", "与", "同", "相比", "高于", "低于", "超过", "快于", "好于", "对比", "恢复到", "恢复至")
_BASELINE_AFTER = re.compile(r"\s*(?:相比|同期|水平|以来|来|比|基础上|的基础|翻|[=＝])")   # （2020年=100）
_BASE_PERIOD = re.compile(r"[^，,。；;：:]{0,6}?为")     # 以2020年为基期, 以2020年价格为100: the base of an index
_DATE_LINE = re.compile(r"\d\s*月\s*\d{1,2}\s*日|会议上|大会上")
_BULLET = "•·-—*●◆◇○△▲▪►"
_REPORT_TITLE = re.compile(r"((?:19|20)\d\d)\s*年[^\n。，]{0,30}?(?:政府)?工作报告")
_DELIVERY_LINE = re.compile(r"((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^\n]{0,6}在")
_HEADING_MAX = 50
_CLAUSE_OR_SENTENCE = re.compile(r"[，,：:；;。！？!?]")
_NO_PLAN_INTRO = re.compile(r"显示|审议")
# a paragraph that opens with a short subject and a verb, then quotes (山东提出，“…”, 广西明确：“…”)
_QUOTED_PLAN = re.compile(r"\s*([^，。,；;：:“”\n]{2,12}?)[，,：:]\s*“")
_PLAN_TITLE = re.compile(r"\s*(?:该|这份|此)?(《[^《》\n]{0,40}?(?:计划|方案|规划|纲要|意见|措施)》)")
_TITLE_YEAR_REACH = 20    # 2024年某市政府工作报告: how far before 工作报告 the report's year may stand
_HEAD_CHARS = 400
# a paragraph opening with the present or recent years, or with another speaker, no longer lists a report's goals
_PLAN_BLOCK_END = re.compile(r"(?:近年来|近几年来?|多年来|目前|如今|截至目前)[，,]|[^，,。；;：:\n]{2,24}?(?:表示|认为|看来|介绍|建议)[，,：:]")
# a line that only dates the document (2025年3月20日, 某市统计局 2025年3月20日): no year of its values
_DATE_ONLY = re.compile(r"[^。，,；;：:]{0,20}(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^。，,；;：:]{0,4}")
_SECTION_MARK = re.compile(r"[■□●◆◇▲△▶►★☆※【〖]|[一二三四五六七八九十]{1,3}\s*[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}\s*[、.．](?!\d)")
_DAY_AFTER_YEAR = re.compile(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_OPENER_MAX = 30          # characters of a paragraph's first clause read for a review or plan opening
_DECEMBER = re.compile(r"\s*\d{4}\s*[-/.年]\s*12(?!\d)")
_ATTRIBUTION = re.compile(r"[^，,。；;：:\d]{0,10}?(?:指出|强调|表示|说|介绍|提到)")


def year_of_date(date: Optional[str]) -> Optional[int]:
    if not date:
        return None
    match = _DATE_YEAR.match(str(date))
    return int(match.group(1)) if match else None


@dataclass(frozen=True)
class YearMark:
    start: int
    end: int
    year: int
    baseline: bool      # 由2017年…, 比上年, 2019年同期: a comparison, not the year of what follows
    deadline: bool = False   # 到2027年, 到“十四五”末: a year set as a goal


@dataclass(frozen=True)
class Frame:
    """What a section says about its values when their own text says nothing."""

    year: Optional[int]
    mode: Optional[str]     # "review", "plan" or None


class YearReader:
    """Year expressions: explicit years, ranges (last year), plan periods, relative years."""

    def __init__(self, cues: Cues, doc_year: Optional[int], reviewed_year: Optional[int] = None):
        self.doc_year = doc_year
        self.relative = dict(cues.table("relative_years"))
        # 过去一年, 一年来: the year a review is about (the document's own in a report of December), not 去年
        self.review_words = frozenset(w for w in cues["review_markers"] if self.relative.get(w) == -1)
        self.reviewed_year = reviewed_year if reviewed_year is not None else \
            (doc_year - 1 if doc_year is not None else None)
        self.plan_ends = dict(cues.table("plan_ends"))
        relative_words = "|".join(sorted(map(re.escape, self.relative), key=len, reverse=True))
        plan_words = "|".join(map(re.escape, self.plan_ends))
        # 2023年; 2021年到2024年 and 2021—2023年 (a period: its last year)
        parts = [r"(?P<first>(?:19|20)\d\d)\s*(?:年\s*)?(?:[—–\-－~～至到]\s*(?P<year>(?:19|20)\d\d)\s*)?年(?!代)"]
        if plan_words:
            parts.append(r"[“\"]?(?P<plan>" + plan_words + r")[”\"]?(?:规划)?(?:期末|末|时期)")    # its last year (十三五时期; 期间 often only modifies: “十四五”期间投资最大的项目)
        if relative_words:
            parts.append(r"(?P<relative>" + relative_words + r")")
        self.pattern = re.compile("|".join(parts))

    def marks(self, text: str, start: int = 0, end: Optional[int] = None) -> list[YearMark]:
        end = len(text) if end is None else end
        marks = []
        for match in self.pattern.finditer(text, start, end):
            year = self._year_of(match)
            if year is not None:
                marks.append(YearMark(match.start(), match.end(), year, _is_baseline(text, match),
                                      _is_deadline(text, match.start())))
        return marks

    def _year_of(self, match: re.Match) -> Optional[int]:
        if match.group("first"):
            return int(match.group("year") or match.group("first"))
        if match.lastgroup == "plan" or (match.groupdict().get("plan")):
            return self.plan_ends[match.group("plan")]
        word = match.groupdict().get("relative")
        if word and self.doc_year is not None:
            if word in self.review_words:
                return self.reviewed_year
            return self.doc_year + self.relative[word]
        return None


def _is_deadline(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start]
    return before.endswith(("到", "至")) and not before.endswith(("截至", "截止", "恢复到", "恢复至"))


def _is_baseline(text: str, match: re.Match) -> bool:
    if text.endswith(_BASELINE_BEFORE, max(0, match.start() - 3), match.start()):
        return True
    if text.endswith("以", 0, match.start()) and _BASE_PERIOD.match(text, match.end()):
        return True
    return bool(_BASELINE_AFTER.match(text, match.end()) or _DATELINE_AFTER.match(text, match.end()))


class DocContext:
    """Sentences, paragraphs and the year/section structure of one document."""

    def __init__(self, text: str, date: Optional[str], cues: Cues, quantity_starts: Sequence[int] = ()):
        self.text = text
        self.cues = cues
        self.quantity_starts = quantity_starts if _is_sorted(quantity_starts) else sorted(quantity_starts)
        head = text[:_HEAD_CHARS]
        self.year = year_of_date(date) or _title_year(head)
        # the year a review is about: a report reviews the year before, unless it is delivered in December
        # (县、区 assemblies often meet then: 一、2024年工作回顾 on 2024-12-25)
        self.reviewed_year = None if self.year is None else \
            (self.year if date and year_of_date(date) == self.year and _DECEMBER.match(str(date)) else self.year - 1)
        self.is_report = self._looks_like_report(head)
        self.first_work_report = text.find("工作报告")
        self.years = YearReader(cues, self.year, self.reviewed_year)
        self.sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        self._marks = self.years.marks(text)
        self._mark_starts = [m.start for m in self._marks]
        # sentences naming a year that is no baseline: the only ones that can lead with a year
        self._year_sentence_list = sorted({bisect_right(self.sentence_starts, m.start) - 1
                                           for m in self._marks if not m.baseline})
        self._year_sentences = frozenset(self._year_sentence_list)
        self._leads: dict[int, Optional[int]] = {}
        self._read_structure()
        self.opening_year = None if self.is_report else self._opening_year()

    # -- what kind of document --------------------------------------------------
    def _looks_like_report(self, head: str) -> bool:
        """A report, or news that quotes one (a report's values keep their years in the news about it):
        its head names it (政府工作报告) or addresses the assembly (各位代表), or it opens with a review."""
        if any(marker in head for marker in self.cues["report_markers"]):
            return True
        opening = head.lstrip()[:20]
        return any(opening.startswith(word) or (word in opening and "年" in opening)
                   for word in self.cues["report_openers"])

    # -- one pass over the paragraphs -------------------------------------------
    def _read_structure(self) -> None:
        """Per paragraph: its span, the frame that governs it and the year its block carries in."""
        text = self.text
        self.paragraph_starts: list[int] = []
        self.paragraph_frames: list[Frame] = []
        self.paragraph_carried: list[Optional[int]] = []   # year carried in from earlier paragraphs of the block
        self.paragraph_intros: list[Optional[tuple[int, Frame]]] = []   # a plan introduced inside the paragraph
        section = Frame(None, None)
        block_frame: Optional[Frame] = None
        carried: Optional[int] = None
        start = 0
        for line in text.split("\n"):
            end = start + len(line)
            stripped = line.strip()
            line_start = start + len(line) - len(line.lstrip())     # offsets of the stripped line
            heading = self._heading_frame(stripped, line_start) if stripped else None
            if heading is not None:
                block_frame, carried = None, None
                if heading.year is not None or heading.mode is not None:
                    section = heading
            elif stripped:
                opener = self._opener_frame(stripped, line_start, end)
                if opener is not None:
                    section, block_frame, carried = opener, None, None
            intro = self._intro_frame(line_start, end) if stripped and heading is None else None
            if block_frame is not None and heading is None:
                block_end = _PLAN_BLOCK_END.match(stripped)
                if block_end is not None and "报告" not in block_end.group():
                    block_frame, carried = None, None   # 近年来，… ¶ 某代表表示，…: the report's goals end here
            self.paragraph_starts.append(start)
            self.paragraph_frames.append(block_frame or section)
            self.paragraph_carried.append(carried)
            self.paragraph_intros.append(intro)
            if stripped and heading is None and not _DATE_ONLY.fullmatch(stripped):
                if intro is not None:
                    block_frame = intro[1]
                    carried = None
                lead = self._sentence_lead(bisect_right(self.sentence_starts, start) - 1)
                if lead is not None:
                    carried = lead
            start = end + 1

    def _opening_year(self) -> Optional[int]:
        """The year that the document is about, when it says so at its head: a title naming one year and a
        review (2024年某市国民经济和社会发展统计公报, `review_titles`), or a first paragraph that opens with a
        year (2024年，全市… / 2024年是…的关键一年); not a year after the document's own (a plan's), nor a
        deadline, a baseline or a date line.  A statistical communiqué or a year's review published in
        2025 opens with 2024, and its 全年, 年末 and every result that names no year of its own are 2024's;
        news that names no year at its head keeps none."""
        start = 0
        for line in self.text[:_HEAD_CHARS].split("\n"):
            stripped = line.strip()
            line_start = start + len(line) - len(line.lstrip())
            start += len(line) + 1
            if not stripped or _DATE_ONLY.fullmatch(stripped):
                continue
            marks = [m for m in self._marks_in(line_start, line_start + len(stripped))
                     if not m.baseline and not m.deadline]
            if len(stripped) <= _HEADING_MAX and "。" not in stripped and line[-1:] not in "，,；;：:":
                if _SECTION_MARK.match(stripped):
                    return None  # ■ 甲市, 一、综合: sections begin, whatever they open with is theirs
                if self.cues.section_patterns["review_title"].search(stripped) and len({m.year for m in marks}) == 1:
                    return self._about(marks[0].year)
                continue         # a title, its issuer: the body begins further on
            opening = marks[0] if marks and marks[0].start == line_start else None
            if opening is None:           # 今日…召开。2024年10件民生实事完成情况公布。: a sentence of the first
                return self._reviewed_year(marks)     # paragraph that names one year and a review
            if _DAY_AFTER_YEAR.match(self.text, opening.end):
                return None
            return self._about(opening.year)
        return None

    def _reviewed_year(self, marks: Sequence[YearMark]) -> Optional[int]:
        """The year of the first sentence among ``marks``' that names one year and a review word (完成情况)."""
        pattern = self.cues.section_patterns["review_title"]
        for mark in marks:
            if _DAY_AFTER_YEAR.match(self.text, mark.end):
                continue
            start, end = self.sentence_at(mark.start)
            years = {m.year for m in self._marks_in(start, end) if not m.baseline and not m.deadline}
            if len(years) == 1 and pattern.search(self.text, start, end):
                return self._about(mark.year)
        return None

    def _about(self, year: int) -> Optional[int]:
        """``year`` as the year a document is about: not after the document's own year."""
        return year if self.year is None or year <= self.year else None

    def _heading_frame(self, line: str, start: int) -> Optional[Frame]:
        """The frame a heading line sets (Frame(None, None) for a heading that only closes a block)."""
        if len(line) > _HEADING_MAX or "。" in line or line[0] in _BULLET or line[-1] in "；;：:，,":
            return None
        if "报告" in line or "远景目标" in line or _DATE_LINE.search(line):
            return None       # a report's or a plan's title (…和2035年远景目标纲要), its delivery line: no section's year
        marks = [m for m in self._marks_in(start, start + len(line) + 1) if not m.baseline]
        year = marks[-1].year if marks else None
        mode = self._mode_of(line, year)
        if year is None and mode == "review" and self.year is not None:
            year = self.reviewed_year
        elif year is None and mode == "plan":
            year = self.year
        return Frame(year, mode)

    def _opener_frame(self, line: str, start: int, end: int) -> Optional[Frame]:
        """A paragraph whose first clause opens a review (过去一年，…) or a plan (今年…主要预期目标是：)."""
        cut = _CLAUSE_MARK.search(line, 0, _OPENER_MAX)
        clause_end = cut.start() if cut else min(len(line), _OPENER_MAX)
        patterns = self.cues.section_patterns
        review = patterns["review_opening"].match(line, 0, clause_end) is not None
        plan = patterns["plan"].search(line, 0, clause_end) is not None
        if not review and not plan:
            if cut is not None and _ATTRIBUTION.fullmatch(line, 0, clause_end):
                # 报告指出，一年来，…: a speaker's clause before the opening (news about a report)
                return self._opener_frame(line[cut.end():], start + cut.end(), end)
            return None
        marks = [m for m in self._marks_in(start, start + clause_end) if not m.baseline]
        year = marks[-1].year if marks else None
        if plan and not review and not patterns["plan"].match(line, 0, clause_end) and \
                (year is None or self.year is None or year < self.year):
            return None     # 已提前完成年度目标任务: a plan word, but no plan opens here
        if review:
            return Frame(year if year is not None else self.reviewed_year, "review")
        return Frame(year if year is not None else self.year, "plan")

    def _intro_frame(self, start: int, end: int) -> Optional[tuple[int, Frame]]:
        """Where a paragraph introduces what a work report sets out: from there on, its paragraph and
        block are a plan of the report's year (the year in the report's name, else the document's).
        The introduction is a clause naming the report with a verb of plans (报告提出，…), or else a
        paragraph naming a work report with such a verb anywhere (某省政府工作报告对…提出了明确要求),
        unless it quotes what the report shows (显示) or says it was passed (审议).  A verb that can also
        introduce a review (报告指出, 强调: `block_intro_verbs`) opens the plan only in the paragraphs after
        its own.  Neither a verb before 的 (报告提出的目标任务全面完成) nor the report of a past year
        (去年政府工作报告) opens a plan."""
        text = self.text
        title = _PLAN_TITLE.match(text, start, end)
        if title is not None:
            # 《行动计划》明确，…: a plan document (named in book-title marks) sets out what its paragraph says
            verb = self._plan_verb(title.end(), min(end, title.end() + 4))
            if verb is not None:
                return self._report_plan(start, title.start(1), _clause_end(text, verb, end))
        report = text.find("工作报告", start, end)
        if report < 0 and not 0 <= self.first_work_report < start:
            return None
        position = text.find("报告", max(start, self.first_work_report), end)
        while position >= 0:
            clause_end = _clause_end(text, position, end)
            if self._plan_verb(position + 2, clause_end) is not None:
                return self._report_plan(start, position, clause_end)
            position = text.find("报告", clause_end, end)
        if report < 0:
            quote = _QUOTED_PLAN.match(text, start, end)        # 某省提出，“…”: what a report named before says
            if quote is not None and self._plan_verb(start, quote.end(1)) is not None:
                return self._report_plan(start, self.first_work_report, quote.end())
            return None
        if _NO_PLAN_INTRO.search(text, start, end):
            return None
        verb = self._plan_verb(report + 4, end)
        if verb is not None:
            return self._report_plan(start, report, _clause_end(text, verb, end))
        if self._plan_verb(report + 4, end, "block_intro_verb") is not None:
            return self._report_plan(start, report, end)
        return None

    def _plan_verb(self, start: int, end: int, verbs: str = "intro_verb") -> Optional[int]:
        """The end of the first verb of plans in text[start:end] that is not before 的."""
        for match in self.cues.section_patterns[verbs].finditer(self.text, start, end):
            if not self.text.startswith("的", match.end()):
                return match.end()
        return None

    def _report_plan(self, start: int, report: int, plan_start: int) -> Optional[tuple[int, Frame]]:
        """The plan of the report named at ``report``, from ``plan_start`` on; its year stands right before
        its name (2024年某市政府工作报告), else it is the document's; none for a past year's report."""
        marks = [m for m in self._marks_in(max(start, report - _TITLE_YEAR_REACH), report) if not m.baseline]
        year = marks[-1].year if marks else self.year
        if year is not None and self.year is not None and year < self.year:
            return None
        return plan_start, Frame(year, "plan")

    def _mode_of(self, line: str, year: Optional[int]) -> Optional[str]:
        if self.cues.section_patterns["review"].search(line):
            return "review"
        if self.cues.section_patterns["plan"].search(line):
            return "plan"
        if year is not None and self.year is not None and self.is_report:
            return "review" if year < self.year else "plan"
        return None

    # -- look-ups -----------------------------------------------------------------
    def marks_in(self, start: int, end: int) -> list[YearMark]:
        """The year expressions within [start, end)."""
        first = bisect_right(self._mark_starts, start - 1)
        if first == len(self._mark_starts) or self._mark_starts[first] >= end:
            return []            # most sentences name no year
        return self._marks_in(start, end)

    def _marks_in(self, start: int, end: int) -> list[YearMark]:
        first = bisect_right(self._mark_starts, start - 1)
        last = bisect_right(self._mark_starts, end - 1)
        return [m for m in self._marks[first:last] if m.end <= end]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        return _span_at(self.sentence_starts, offset, len(self.text))

    def paragraph_index(self, offset: int) -> int:
        return bisect_right(self.paragraph_starts, offset) - 1

    def lead_year(self, start: int, end: int) -> Optional[int]:
        """The year that opens the sentence starting at ``start``: the last non-baseline year before its
        first value, or, in a sentence without values, in its first two clauses (数据显示，2023年，…)."""
        sentence_end = self.sentence_at(start)[1]
        limit = min(end, sentence_end)
        first_value = bisect_right(self.quantity_starts, start - 1)
        if first_value < len(self.quantity_starts) and self.quantity_starts[first_value] < limit:
            limit = self.quantity_starts[first_value]
        else:
            clause = _CLAUSE_MARK.search(self.text, start, limit)
            if clause is not None:
                second = _CLAUSE_MARK.search(self.text, clause.end(), limit)
                limit = second.start() if second is not None else limit
        marks = [m for m in self._marks_in(start, limit) if not m.baseline]
        return marks[-1].year if marks else None

    def _sentence_lead(self, index: int) -> Optional[int]:
        """lead_year of sentence ``index``, computed once per document."""
        if index not in self._year_sentences:
            return None
        if index not in self._leads:
            end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else len(self.text)
            self._leads[index] = self.lead_year(self.sentence_starts[index], end)
        return self._leads[index]

    def governing_year(self, sentence_start: int, offset: int) -> tuple[Optional[int], bool]:
        """The last year named before ``offset`` in its sentence (a baseline year only for the value right
        after it: 由2017年929家 is of 2017, 增长到3605家 is not), and whether a goal year (到2027年) is
        among them."""
        return self.governing_year_of(self._marks_in(sentence_start, offset), offset)

    def governing_year_of(self, marks: Sequence[YearMark], offset: int) -> tuple[Optional[int], bool]:
        """governing_year over the year expressions of a sentence (``marks``), for the value at ``offset``."""
        if not marks:
            return None, False
        marks = [mark for mark in marks if mark.end <= offset]
        # a goal year already past is no goal: 提高到2025年的3.87万亿元 in a text of 2026 is a result
        deadline = any(mark.deadline and (self.year is None or mark.year >= self.year) for mark in marks)
        for mark in reversed(marks):
            if not mark.baseline:
                return mark.year, deadline
            if _STARTING_GAP.fullmatch(self.text, mark.end, offset) and \
                    self.text.endswith(_STARTING_POINTS, max(0, mark.start - 1), mark.start):
                return mark.year, deadline      # 由2017年929家 (not 较2021年翻一番: a change since then)
        return None, deadline

    def year_before(self, offset: int, sentence_start: int) -> Optional[int]:
        """The year from context, for a value whose own sentence names none: an earlier sentence of the
        paragraph, an earlier paragraph of the block, the section."""
        year = self.earlier_year(sentence_start)
        return year if year is not None else self.frame_at(offset).year

    def earlier_year(self, sentence_start: int) -> Optional[int]:
        """The year that an earlier sentence of the paragraph opens with, else the one its block carries in."""
        index = self.paragraph_index(sentence_start)
        first_sentence = bisect_right(self.sentence_starts, self.paragraph_starts[index]) - 1
        sentence = bisect_right(self.sentence_starts, sentence_start) - 1
        candidates = self._year_sentence_list          # only a sentence naming a year leads with one
        position = bisect_left(candidates, sentence) - 1
        while position >= 0 and candidates[position] >= first_sentence:
            lead = self._sentence_lead(candidates[position])
            if lead is not None:
                return lead
            position -= 1
        return self.paragraph_carried[index]

    def frame_at(self, offset: int) -> Frame:
        index = self.paragraph_index(offset)
        intro = self.paragraph_intros[index]
        if intro is not None and offset >= intro[0]:
            return intro[1]
        return self.paragraph_frames[index]


def _title_year(head: str) -> Optional[int]:
    for pattern in (_REPORT_TITLE, _DELIVERY_LINE):
        match = pattern.search(head)
        if match:
            return int(match.group(1))
    return None


def _is_sorted(values: Sequence[int]) -> bool:
    return all(a <= b for a, b in zip(values, values[1:]))


def _clause_end(text: str, position: int, end: int) -> int:
    """The end of the clause holding ``position`` (after its clause or sentence mark), at most ``end``."""
    mark = _CLAUSE_OR_SENTENCE.search(text, position, end)
    return mark.end() if mark else end


def _span_at(starts: list[int], offset: int, length: int) -> tuple[int, int]:
    index = bisect_right(starts, offset) - 1
    end = starts[index + 1] if index + 1 < len(starts) else length
    return starts[index], end
