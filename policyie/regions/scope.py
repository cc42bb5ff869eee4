"""Which region governs each sentence of a document.

Built once per document from the region matches:

* a sentence's own subject: the first place (or scope word such as 全省, 我市) of the clause,
  skipping places that are only a baseline or comparison (高于全国, 居全省第一, 全国首个, 占全省,
  增速比全省快), visited or joined (与上海, 赴深圳) or joined into a route or project title
  (巴林—奈曼—阜新 500千伏工程); a later subject in the same sentence takes over from its position;
* otherwise the section heading above it (``■ 辽宁``, a short line naming one place; photo
  captions such as ``△苏州工业园区`` are not headings);
* otherwise the document's own region (:meth:`RegionScope._main_region`: the opening, the
  reporter and scope words, the title, the most specific region the mentions agree on).

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
HEADING_MARKS = set("■□●○◆◇★☆▶►【#")
CAPTION_MARKS = set("△▲")          # photo captions in news: not headings
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
# 我代表市人民政府 … : the report's level, said once at its start
_REPORTER = re.compile("代表(省|市|区|县|州|盟|旗|自治区|自治州)人民政府")
# the reporter's word → the name endings and the levels of the units it can be
_REPORTER_UNITS = {"省": (("省",), ("province",)), "市": (("市",), ("province", "prefecture", "county")),
                   "区": (("区",), ("county",)), "县": (("县",), ("county",)), "州": (("州",), ("prefecture",)),
                   "盟": (("盟",), ("prefecture",)), "旗": (("旗",), ("county",)),
                   "自治区": (("自治区",), ("province",)), "自治州": (("州",), ("prefecture",))}
ANY_LEVEL = ("province", "prefecture", "county")
# Government words after a place in the opening lines make it the document's own region:
# 2025年合肥市政府工作报告, 在上海市第十六届人民代表大会, 昆明市第十五届人民代表大会第五次会议.
_OWNER_AFTER = re.compile(r"(人民政府|政府工作报告|政府|第[一二三四五六七八九十\d]+届人民代表大会|人民代表大会|人大"
                          r"|国民经济和社会发展|统计公报|20\d\d年国民经济"
                          r"|(?:市|省|区|县|州)(?:长|委书记))")
OPENING = 160        # characters of the opening in which a report names its own region

# Before these a place is a baseline, compared with, visited or joined, not the subject.
NOT_SUBJECT_BEFORE = ("高于", "低于", "超过", "超出", "快于", "慢于", "好于", "优于", "领先", "与", "和", "同", "跟",
                      "比", "较", "赴", "到", "至", "向", "对", "来自", "占", "从", "为", "居", "列", "保持", "排名",
                      "在", "及", "、", "领跑", "跑赢", "跻身", "进入", "入选")
# 创建15个全国示范村: a place after a count names the kind of thing counted.
_AFTER_COUNT = re.compile(r"[\d一二三四五六七八九十百千万两余多]+[个家项座批条所名处支件类种]$")
# After these the place is the field of a ranking or a record: 全省第一, 全国首个, 全国前列,
# 全国十强, 全国平均, 全国城市 “双第一”.
_BASELINE_AFTER = re.compile(r"(第|首|前列|前茅|前[一二三四五六七八九十\d]|领先|最|平均|均值|水平|之首|唯一|率先"
                             r"|[一二三四五六七八九十百千\d]+强|城市|省会城市|同类|排名|位次|同期|总量的|的比重)")
DATELINES = ("新华社", "中新社", "中新网", "本报", "央视网", "人民网", "新华网")
# 河北省重点项目, 浙江省级专精特新企业, 国家首批: a kind of thing, named by the level that lists it.
_KIND_AFTER = re.compile(r"(重点|级|首批|示范|认定|评定|授予|命名|统一|部署|安排|要求|下达|委|政府)")
ROUTE_JOINS = set("—–－-~～至到")


class RegionScope:
    def __init__(self, text: str, matches: list["RegionMatch"], table: DivisionTable):
        self.text = text
        self.table = table
        self.matches = sorted(matches, key=lambda m: m.start)
        self._routes = _route_members(text, self.matches)
        self._code_at = {m.start: self._code_of(m) for m in self.matches}
        self.main = None   # set below; until then no mention is known to lie above it
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
        """The report's own region: named with a government word in its opening; else the
        most mentioned unit of the level its scope words speak of (全市 → a city); else the
        most specific region that the mentions agree on."""
        owner = self._opening_owner()
        if owner is not None:
            return owner
        votes, direct = self._votes()
        level = self._report_level()
        if level is not None:
            endings, levels = level
            at_level = [code for code in votes if code != COUNTRY_CODE and self.table.get(code).level in levels
                        and self.table.get(code).name.endswith(endings)]
            if at_level:
                return max(at_level, key=lambda code: (votes[code], -_depth(self.table, code)))
        title = self._title_region()
        if title is not None:
            return title
        return _most_specific(votes, direct, self.table)

    def _opening_owner(self) -> str | None:
        for match in self.matches:
            if match.start >= OPENING:
                break
            code = self._code_of(match)
            if code is not None and match.level != "zone" and _OWNER_AFTER.match(self.text, match.end):
                return code
        return None

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

    def _votes(self) -> tuple[Counter, Counter]:
        """Mentions that can be subjects: each votes for its unit and the units above it."""
        votes, direct = Counter(), Counter()
        for match in self.matches:
            code = self._code_of(match)
            if code is None or not self._can_be_subject(match.start, match.end):
                continue
            direct[code] += 1
            for unit in (code, *self.table.ancestors(code)):
                votes[unit] += 1
        for word, code in FIXED_SCOPE.items():
            count = self.text.count(word)
            if count:
                direct[code] += count
                for unit in (code, *self.table.ancestors(code)):
                    votes[unit] += count
        return votes, direct

    def _report_level(self) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """The name ending of the report's own unit, from its scope words (全市, 我省 …) and
        from 我代表市人民政府; None when they do not say."""
        reporter = _REPORTER.search(self.text, 0, OPENING * 2)
        if reporter is not None:   # 我代表市人民政府: said by the report itself, it decides
            return _REPORTER_UNITS[reporter.group(1)]
        counts: Counter = Counter()
        for word, endings in SCOPE_WORDS.items():
            if len(word) != 2:
                continue   # 全省域 is counted as 全省
            position = self.text.find(word)
            while position >= 0:   # 居全省第一 is said of a city, not of a province
                if self._can_be_subject(position, position + 2):
                    counts[endings] += 1
                position = self.text.find(word, position + 2)
        if not counts:
            return None
        return counts.most_common(1)[0][0], ANY_LEVEL

    def _code_of(self, match: "RegionMatch") -> str | None:
        if match.level == "zone":
            return match.code or match.parent
        return match.code if match.level != "group" else None

    def _scope_word_code(self, word: str, base: str | None) -> str | None:
        """The unit a scope word stands for, seen from ``base`` (the section's or the
        document's region): 全省 in a city's report is that city's province."""
        if word in FIXED_SCOPE:
            return FIXED_SCOPE[word]
        endings = SCOPE_WORDS[word]
        main = base
        division = self.table.get(main)
        if division is not None and main != COUNTRY_CODE and division.name.endswith(endings):
            return main
        # the main region's own province/city when the word names a level above it
        for code in self.table.ancestors(main) if main else ():
            division = self.table.get(code)
            if division and division.name.endswith(endings):
                return code
        counts = Counter(match.code for match in self.matches
                         if match.code and match.level in ("province", "prefecture", "county")
                         and match.name.endswith(endings))
        if counts:
            return counts.most_common(1)[0][0]
        return main

    # -- sentences ------------------------------------------------------------
    def _build(self) -> list[tuple[int, str | None]]:
        points: list[tuple[int, str | None]] = []
        section = self.main
        subjects = self._subjects()
        count, index = len(subjects), 0
        for start, end, ending in self._sentences():
            own = []
            while index < count and subjects[index][0] < end:
                if subjects[index][0] >= start:
                    own.append(subjects[index])
                index += 1
            if not own:
                _add_point(points, start, section)
                continue
            own = [(offset, self._scope_word_code(code[1], section) if isinstance(code, tuple) else code)
                   for offset, code in own]
            if self._is_heading(start, end - 1 if ending != "" else end, ending or "\n"):
                section = own[0][1]
            _add_point(points, start, own[0][1])
            for offset, code in own[1:]:
                _add_point(points, offset, code)
        return points

    def _sentences(self) -> Iterable[tuple[int, int, str]]:
        """(start, end, the ending character or "" at the text's end) of each sentence."""
        text = self.text
        start = 0
        for found in _SENTENCE_END.finditer(text):
            position = found.start()
            yield start, position + 1, found.group()
            start = position + 1
        if start < len(text):
            yield start, len(text), ""

    def _is_heading(self, start: int, end: int, ending: str) -> bool:
        line = self.text[start:end].strip()
        if not line or line[0] in CAPTION_MARKS:
            return False
        if line[0] in HEADING_MARKS:
            return True
        return ending == "\n" and len(line) <= MAX_HEADING and not any(ch in line for ch in "，,。")

    def _subjects(self) -> list[tuple[int, object]]:
        """(offset, code) of every place that can be a clause's subject, and (offset, ("scope",
        word)) of every scope word, resolved later against the section it stands in."""
        found = []
        covered = {i for m in self.matches for i in range(m.start, m.end)}
        divisions_govern = self.main not in (None, COUNTRY_CODE)
        for match in self.matches:
            if match.level == "group" and divisions_govern:
                continue   # 晋北风光基地 in a city's report: part of a name, not a joint subject
            if self._can_be_subject(match.start, match.end):
                found.append((match.start, self._code_of(match)))
        for word in (*SCOPE_WORDS, *FIXED_SCOPE):
            position = self.text.find(word)
            while position >= 0:
                end = position + len(word)
                if position not in covered and self._can_be_subject(position, end):
                    found.append((position, ("scope", word)))
                position = self.text.find(word, end)
        found.sort(key=lambda item: item[0])
        return _drop_nested_scope_words(found)

    def _can_be_subject(self, start: int, end: int) -> bool:
        """Not a baseline (居全国第5位, 全省首个, 高于全国), a partner (与上海), a stop of a route
        or a modifier of a kind of thing (河北省重点项目 in a city's report); 在深圳， is a topic."""
        before = self.text[max(0, start - 3):start]
        if before.endswith(DATELINES):
            return False   # 新华社北京1月5日电: where the news was filed
        if before.endswith("在") and self.text[end:end + 1] in ("，", ","):
            return True
        if before.endswith(NOT_SUBJECT_BEFORE):
            return False
        if _AFTER_COUNT.search(self.text, max(0, start - 6), start):
            return False
        if _BASELINE_AFTER.match(self.text, end):
            return False
        if start in self._routes:
            return False
        return not (_KIND_AFTER.match(self.text, end) and self._is_above_main(start))

    def _is_above_main(self, start: int) -> bool:
        """The match at ``start`` names a unit that contains the document's own region."""
        main = self.main
        if main is None:
            return False
        code = self._code_at.get(start)
        return code is not None and code != main and code in self.table.ancestors(main)


def _depth(table: DivisionTable, code: str) -> int:
    return len(table.ancestors(code))


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


def _route_members(text: str, matches: list["RegionMatch"]) -> set[int]:
    """Starts of places joined by dashes or 至 into a route or a project title."""
    members = set()
    for before, after in zip(matches, matches[1:]):
        between = text[before.end:after.start]
        if 1 <= len(between) <= 2 and all(ch in ROUTE_JOINS for ch in between):
            members.update((before.start, after.start))
    return members


def _drop_nested_scope_words(found: list[tuple[int, object]]) -> list[tuple[int, object]]:
    """全省域 also contains 全省: keep one entry per offset."""
    seen, unique = set(), []
    for offset, code in found:
        if offset not in seen:
            seen.add(offset)
            unique.append((offset, code))
    return unique


def _add_point(points: list[tuple[int, str | None]], offset: int, code: str | None) -> None:
    """A breakpoint, unless the region does not change there."""
    if not points or points[-1][1] != code:
        points.append((offset, code))
