"""From quantities to indicators: what is measured, when, where, and whether it is a goal.

Every rule here reads the clause around a quantity; cue words live in
``data/cues.json`` so they can be extended without code.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Optional, Protocol, Sequence

from policyie.indicators.context import DocContext

CUE_LISTS = ("growth", "not_growth", "negative", "share", "difference", "target", "result_verbs",
             "name_prefix_noise", "scope_words", "national_words", "report_markers", "cue_blockers")
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n（）()]")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*年?\s*(?:[—–\-－~～至到])\s*((?:19|20)\d\d)\s*年")
_PLAN_END = re.compile(r"[“\"]?十四五[”\"]?(?:期)?末|[“\"]?十五五[”\"]?(?:期)?末")
_RELATIVE_YEAR = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "上一年": -1, "过去一年": -1, "过去的一年": -1,
                  "明年": 1, "前年": -2}
_NAME_TRIM = "，,、；;：:（）()“”\"' 　\t的了和及与"
_LIST_SEPARATOR = re.compile(r"[、和及与]")


class QuantityLike(Protocol):
    start: int
    end: int
    text: str
    value: float
    unit: str
    approx: str
    upper: Optional[float]
    kind_hint: Optional[str]


@dataclass(frozen=True)
class Cues:
    lists: dict[str, tuple[str, ...]]

    def __getitem__(self, name: str) -> tuple[str, ...]:
        return self.lists[name]

    @classmethod
    def from_mapping(cls, data: dict) -> "Cues":
        lists = {}
        for name in CUE_LISTS:
            words = data.get(name, [])
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise ValueError(f"cue list {name!r} must be a list of non-empty strings")
            lists[name] = tuple(sorted(set(words), key=len, reverse=True))
        return cls(lists)

    def with_word(self, list_name: str, word: str) -> "Cues":
        if list_name not in CUE_LISTS:
            raise ValueError(f"unknown cue list {list_name!r}; one of {', '.join(CUE_LISTS)}")
        if not isinstance(word, str) or not word:
            raise ValueError("cue text must be a non-empty string")
        lists = dict(self.lists)
        lists[list_name] = tuple(sorted(set(lists[list_name]) | {word}, key=len, reverse=True))
        return Cues(lists)


@lru_cache(maxsize=1)
def default_cues() -> Cues:
    data = json.loads((resources.files("policyie.indicators") / "data" / "cues.json").read_text("utf-8"))
    return Cues.from_mapping(data)


def _find_any(text: str, words: Iterable[str], blocked: Iterable[str] = ()) -> list[tuple[int, str]]:
    """Positions of the words in text (longest first, no overlaps), skipping blocked words."""
    taken = [False] * len(text)
    for word in blocked:
        start = text.find(word)
        while start >= 0:
            for i in range(start, start + len(word)):
                taken[i] = True
            start = text.find(word, start + 1)
    found = []
    for word in words:
        start = text.find(word)
        while start >= 0:
            if not any(taken[start:start + len(word)]):
                for i in range(start, start + len(word)):
                    taken[i] = True
                found.append((start, word))
            start = text.find(word, start + 1)
    return sorted(found)


def _is_list_separator(left: str) -> bool:
    return left.strip() in ("、", "和", "及", "与", "，", ",")


def _with_sign_of(previous: dict, quantity: QuantityLike) -> tuple[float, Optional[float]]:
    if previous["value"] < 0 < quantity.value:
        return -quantity.value, (-quantity.upper if quantity.upper is not None else None)
    return quantity.value, quantity.upper


class IndicatorBuilder:
    def __init__(self, cues: Optional[Cues] = None):
        self.cues = cues or default_cues()

    def add_rules(self, records: list[dict]) -> None:
        """Rule-pack records ``{"cue": <list name>, "text": <word>}``."""
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
              region_at: Optional[Callable[[int], Optional[str]]] = None) -> list[dict]:
        context = DocContext(text, date, self.cues["report_markers"])
        records: list[dict] = []
        previous: Optional[dict] = None
        for index, quantity in enumerate(quantities):
            clause_start = self._clause_start(text, quantity.start)
            left_start = clause_start
            if previous is not None and previous["end"] > clause_start:
                left_start = previous["end"]
            left = text[left_start:quantity.start]
            if previous is not None and left_start > clause_start and _is_list_separator(left):
                # '增长18.6%、20%': the next value of a list shares its predecessor's kind and sign
                kind = previous["kind"]
                value, upper = _with_sign_of(previous, quantity)
            else:
                kind = self._kind(quantity, text[clause_start:quantity.start], left)
                value, upper = self._signed(quantity, left)
            name = self._name(text, quantities, index, clause_start, left, kind, previous)
            year, target = self._year_and_target(context, quantity, clause_start)
            record = {
                "text": quantity.text, "start": quantity.start, "end": quantity.end,
                "value": value, "unit": quantity.unit, "approx": quantity.approx, "kind": kind,
                "name": name, "year": year,
                "region": region_at(quantity.start) if region_at else None,
                "target": target, "upper": upper,
            }
            records.append(record)
            previous = record
        return records

    # -- the rules --------------------------------------------------------------
    @staticmethod
    def _clause_start(text: str, offset: int) -> int:
        window_start = max(0, offset - 200)
        last = None
        for match in _CLAUSE_END.finditer(text, window_start, offset):
            last = match
        return last.end() if last else window_start

    def _kind(self, quantity: QuantityLike, clause_left: str, left: str) -> str:
        if quantity.kind_hint in ("rank", "growth", "share"):
            return quantity.kind_hint
        near = left[-12:]
        if _find_any(near, self.cues["difference"]):
            return "difference"
        if _find_any(clause_left, self.cues["share"], blocked=("占地",)) and quantity.unit in ("%", "百分点", ""):
            return "share"
        if _find_any(near, self.cues["growth"], blocked=self.cues["not_growth"]):
            return "growth"
        return "level"

    def _signed(self, quantity: QuantityLike, left: str) -> tuple[float, Optional[float]]:
        near = left[-6:]
        negative = _find_any(near, self.cues["negative"], blocked=self.cues["not_growth"])
        if negative and quantity.value > 0:
            upper = -quantity.upper if quantity.upper is not None else None
            return -quantity.value, upper
        return quantity.value, quantity.upper

    def _name(self, text: str, quantities: Sequence[QuantityLike], index: int, clause_start: int,
              left: str, kind: str, previous: Optional[dict]) -> Optional[str]:
        listed = self._name_from_list(text, quantities, index, clause_start)
        if listed:
            return listed
        name = self._subject_or_object(left, kind)
        if name:
            return name
        if previous is not None and previous["end"] > clause_start - 2 and previous.get("name"):
            return previous["name"]
        return None

    def _predicate_words(self, kind: str) -> tuple[str, ...]:
        words = self.cues["result_verbs"] + self.cues["target"] + self.cues["share"] + self.cues["difference"]
        if kind == "growth":
            words += self.cues["growth"]
        return tuple(sorted(set(words), key=len, reverse=True))

    def _subject_or_object(self, left: str, kind: str) -> Optional[str]:
        left = self._strip_noise(left)
        cuts = _find_any(left, self._predicate_words(kind),
                         blocked=self.cues["not_growth"] + self.cues["cue_blockers"] + ("增加值",))
        if not cuts:
            return self._clean(left)
        first, first_word = cuts[0]
        subject = self._clean(left[:first])
        if subject:
            return subject
        last, last_word = cuts[-1]
        return self._clean(left[last + len(last_word):])

    def _strip_noise(self, left: str) -> str:
        changed = True
        while changed:
            changed = False
            left = left.lstrip(_NAME_TRIM)
            year = re.match(r"(?:19|20)\d\d\s*年(?:底|末|初|内|以来)?|[一二三四]季度|上半年|下半年|前三季度", left)
            if year:
                left, changed = left[year.end():], True
                continue
            for word in self.cues["name_prefix_noise"]:
                if left.startswith(word):
                    left, changed = left[len(word):], True
                    break
        return left

    def _clean(self, name: str) -> Optional[str]:
        name = name.strip(_NAME_TRIM)
        for suffix in ("均", "都", "分别", "同比", "共", "已", "总计", "合计", "累计", "连续", "达", "约", "近", "超"):
            if name.endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)]
        name = name.strip(_NAME_TRIM)
        if len(name) < 2 or re.fullmatch(r"[\d.%％]+", name):
            return None
        return name

    def _name_from_list(self, text: str, quantities: Sequence[QuantityLike], index: int,
                        clause_start: int) -> Optional[str]:
        """In 'A、B分别增长x、y' each value takes its own subject."""
        quantity = quantities[index]
        sentence_left = text[clause_start:quantity.start]
        marker = sentence_left.rfind("分别")
        if marker < 0:
            return None
        marker += clause_start
        after = [q for q in quantities if marker < q.start and q.start - marker < 80]
        position = next((i for i, q in enumerate(after) if q is quantity), None)
        if position is None:
            return None
        head = text[clause_start:marker]
        before = [q for q in quantities if clause_start <= q.start < marker]
        if len(before) == len(after):
            parts = []
            cursor = clause_start
            for q in before:
                parts.append(text[cursor:q.start])
                cursor = q.end
            names = [self._subject_or_object(p, "level") for p in parts]
        else:
            names = [self._clean(self._strip_noise(p)) for p in _LIST_SEPARATOR.split(head)]
            names = [n for n in names if n]
        if len(names) != len(after):
            return None
        return names[position]

    def _year_and_target(self, context: DocContext, quantity: QuantityLike, clause_start: int):
        sentence_start, _ = context.sentence_at(quantity.start)
        before = context.text[sentence_start:quantity.start]
        year = self._explicit_year(before, context)
        target_cue = bool(_find_any(before, self.cues["target"], blocked=self.cues["cue_blockers"] + ("将近",)))
        if year is None:
            paragraph_start, _ = context.paragraph_at(quantity.start)
            year = self._explicit_year(context.text[paragraph_start:sentence_start], context)
        if year is None:
            for start, end in context.previous_paragraphs(quantity.start, limit=4):
                line = context.text[start:end]
                if len(line) <= 60 and "报告" not in line:  # a report's title year is not a heading year
                    year = self._explicit_year(line, context)
                    if year is not None:
                        break
        doc_year = context.year
        if "预计" in before and doc_year is not None and year is not None and year < doc_year:
            target_cue = _find_any(before.replace("预计", ""), self.cues["target"]) != []
        if year is None and doc_year is not None and context.is_report:
            year = doc_year if target_cue else doc_year - 1
        target = target_cue or (year is not None and doc_year is not None and year > doc_year) \
            or (context.is_report and year is not None and year == doc_year and doc_year is not None)
        return year, bool(target)

    @staticmethod
    def _explicit_year(span: str, context: DocContext) -> Optional[int]:
        best: tuple[int, Optional[int]] = (-1, None)
        for match in _YEAR.finditer(span):
            best = max(best, (match.start(), int(match.group(1))), key=lambda x: x[0])
        for match in _YEAR_RANGE.finditer(span):
            best = max(best, (match.start() + 1, int(match.group(1))), key=lambda x: x[0])
        for match in _PLAN_END.finditer(span):
            year = 2025 if "四" in match.group(0) else 2030
            best = max(best, (match.start(), year), key=lambda x: x[0])
        if context.year is not None:
            for word, delta in _RELATIVE_YEAR.items():
                position = span.rfind(word)
                if position > best[0]:
                    best = (position, context.year + delta)
        return best[1]
