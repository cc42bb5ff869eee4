"""The quantities grammar: every quantity in a text, with its value in base units.

How it works, in one pass from left to right:

1. the text is folded (:func:`normalize`, same length, so offsets carry over);
2. one compiled pattern finds runs of numeral characters (and a handful of
   share and rank words such as 过半, 首位);
3. for each run, table look-ups at the run's edges read what is attached to
   it: sign, approximation markers, 第/前/翻/每, the unit (longest match in the
   unit table), 半, ranges (5%—6%), markers after the unit;
4. rules from the data files decide whether the run is a quantity at all
   (years, dates, codes, labels, time frames and words such as 一些 are not).

Units, markers, cue words and exclusions are data records (``data/*.jsonl``);
:meth:`QuantityGrammar.add_rules` takes more records of the same shapes.
"""
from __future__ import annotations

import json
import re
from math import isfinite
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Iterable, Mapping, NamedTuple

from .numerals import (
    NUMERAL_RUN,
    PLAIN_RUN_SOURCE,
    RUN_CHARS,
    RUN_START_CHARS,
    NumeralError,
    normalize,
    read_numeral,
    read_run,
    run_reading,
)

__all__ = ["Quantity", "Number", "QuantityGrammar"]


class Quantity(NamedTuple):
    """A quantity as written in the text, normalised (an immutable record).

    A named tuple rather than a frozen dataclass: building one costs a third
    as much, and a dense report holds tens of thousands of them per MB.
    """

    start: int
    end: int
    text: str
    value: float
    unit: str
    approx: str = "exact"
    upper: float | None = None
    kind_hint: str | None = None


class Number(NamedTuple):
    """A bare number found by the number layer (no units, no context rules)."""

    start: int
    end: int
    text: str
    value: Decimal


# ---------------------------------------------------------------------------
# Rule records

APPROX_VALUES = ("exact", "about", "more_than", "at_least", "nearly", "less_than", "at_most")

# The record types and cue kinds the grammar reads (policyie.rules checks rule packs against them).
RECORD_TYPES = frozenset({
    "unit", "currency_symbol", "marker", "cue", "multiplier", "stopword", "label_after",
    "threshold_head", "timeframe_before", "timeframe_after", "title_before", "vague_before",
})
CUE_KINDS = frozenset({
    "money", "money_after", "rank", "rank_scope", "streak", "scale", "scale_verb", "scale_after",
    "bare_value", "speed", "counted_before", "counted_after",
})
UNIT_FAMILIES = frozenset({"money", "percent", "ratio", "count", "time", "age", "date", "physical"})
MARKER_POSITIONS = ("before", "after", "inside")
_KIND_HINTS = (None, "share", "growth", "rank")


@dataclass(frozen=True, slots=True)
class _Unit:
    text: str
    unit: str
    family: str                 # money percent ratio count time age date physical
    factor: Decimal = Decimal(1)
    kind_hint: str | None = None
    not_before: str = ""        # characters that, right after the unit, show it is another word
    requires: str | None = None # "streak": 年 only counts after 连续
    approx: str | None = None
    per_hour: str | None = None # 时速350公里 → 公里/小时
    rule: str | None = None     # "discount" for 折
    max_value: Decimal | None = None
    more_after: str = ""        # 七成多: characters after the unit that mean more_than
    plus: Decimal = Decimal(0)  # 两个半小时: the unit adds a half
    arabic_only: bool = False   # 二期 is a phase, 5期 a count
    class_before_noun: bool = False  # 500千伏输变电工程: before a noun the value names a class
    # Derived when parsed, so that reading a quantity skips what does not apply:
    adjusts: bool = False       # a factor or a plus changes the value
    small_change: bool = False  # 元 and 圆 take 角 and 分 after them (五元三毛)


@dataclass(frozen=True, slots=True)
class _Marker:
    approx: str
    magnitude_only: bool = False
    not_after: str = ""


def _fail(record: Mapping, message: str) -> ValueError:
    return ValueError(f"{message} in {dict(record)!r}")


def _decimal(record: Mapping, field: str, default: str | None) -> Decimal | None:
    raw = record.get(field, default)
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise _fail(record, f"{field} must be a number")
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        raise _fail(record, f"{field} must be a number") from None
    if not value.is_finite():
        raise _fail(record, f"{field} must be a finite number")
    return value


def _string(record: Mapping, field: str, default: str | None = "", choices: Iterable | None = None) -> str | None:
    value = record.get(field, default)
    if value is not None and not isinstance(value, str):
        raise _fail(record, f"{field} must be a string")
    if choices is not None and value not in choices:
        raise _fail(record, f"{field} must be one of {sorted(c for c in choices if c)}")
    return value


def _strings(record: Mapping, field: str, default: list[str]) -> tuple[str, ...]:
    value = record.get(field, default)
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) and item for item in value):
        raise _fail(record, f"{field} must be a list of strings")
    return tuple(value)


def _parse_unit(record: Mapping, text: str) -> _Unit:
    factor = _decimal(record, "factor", "1")
    if factor == 0:
        raise _fail(record, "factor must not be 0")
    plus = _decimal(record, "plus", "0")
    unit = _string(record, "unit", record["text"]) or record["text"]
    return _Unit(
        text=text,
        unit=unit,
        family=_string(record, "family", "count", UNIT_FAMILIES),
        factor=factor,
        kind_hint=_string(record, "kind_hint", None, _KIND_HINTS),
        not_before=normalize(_string(record, "not_before")),
        requires=_string(record, "requires", None, (None, "streak")),
        approx=_string(record, "approx", None, (None, *APPROX_VALUES)),
        per_hour=_string(record, "per_hour", None),
        rule=_string(record, "rule", None, (None, "discount")),
        max_value=_decimal(record, "max_value", None),
        more_after=normalize(_string(record, "more_after")),
        plus=plus,
        arabic_only=bool(record.get("arabic_only")),
        class_before_noun=bool(record.get("class_before_noun")),
        adjusts=factor != 1 or plus != 0,
        small_change=unit == "元" and text in ("元", "圆"),
    )


def _parse_record(record: Mapping) -> tuple[str, str, object]:
    """Check one rule record and turn it into (type, folded text, payload).

    Everything that can be wrong with a record is found here, so that
    :meth:`QuantityGrammar.add_rules` can refuse a whole batch before it
    changes anything, and compiling the tables afterwards cannot fail.
    """
    if not isinstance(record, Mapping):
        raise ValueError(f"a rule must be a mapping, not {type(record).__name__}")
    kind = record.get("type")
    if kind not in RECORD_TYPES:
        raise _fail(record, f"unknown rule type {kind!r}")
    raw = record.get("text")
    if not isinstance(raw, str) or not raw.strip():
        raise _fail(record, "rule without text")
    text = normalize(raw)
    if kind == "unit":
        return kind, text, _parse_unit(record, text)
    if kind == "currency_symbol":
        unit = _string(record, "unit", None)
        if not unit:
            raise _fail(record, "a currency symbol needs its unit")
        return kind, text, unit
    if kind == "marker":
        approx = _string(record, "approx", None, APPROX_VALUES)
        position = _string(record, "position", None, MARKER_POSITIONS)
        marker = _Marker(approx, bool(record.get("magnitude_only")), normalize(_string(record, "not_after")))
        return kind, text, (position, marker)
    if kind == "cue":
        cue = _string(record, "cue", None, CUE_KINDS)
        return kind, text, (cue, _string(record, "approx", "more_than", APPROX_VALUES))
    if kind == "multiplier":                                 # read by numerals.py; checked here
        if _decimal(record, "factor", None) is None:
            raise _fail(record, "a multiplier needs its factor")
        return kind, text, None
    if kind == "label_after":
        return kind, text, _strings(record, "families", ["count"])
    if kind == "threshold_head":
        return kind, text, _strings(record, "families", ["money", "physical", "bare"])
    if kind == "title_before":
        return kind, text, _strings(record, "units", ["条"])
    return kind, text, None                                  # word lists: the text is all


class _Lookup:
    """Longest literal ending or starting at a position, by dictionary look-ups.

    The sets of first and last characters let most positions fail after one
    set membership test, which keeps the per-candidate cost small.
    """

    __slots__ = ("table", "lengths", "first_chars", "last_chars")

    def __init__(self, table: Mapping[str, object]):
        self.table = dict(table)
        self.lengths = tuple(sorted({len(key) for key in self.table}, reverse=True))
        self.first_chars = frozenset(key[0] for key in self.table)
        self.last_chars = frozenset(key[-1] for key in self.table)

    def ending_at(self, text: str, position: int):
        if position == 0 or text[position - 1] not in self.last_chars:
            return None
        table = self.table
        for length in self.lengths:
            if length <= position:
                key = text[position - length:position]
                if key in table:
                    return key, table[key]
        return None

    def starting_at(self, text: str, position: int):
        if text[position:position + 1] not in self.first_chars:
            return None
        table = self.table
        for length in self.lengths:
            key = text[position:position + length]
            if len(key) == length and key in table:
                return key, table[key]
        return None


def _trie_pattern(units: Mapping[str, "_Unit"]) -> re.Pattern:
    """The longest unit, after at most four spaces (group 1: the unit as written)."""
    return re.compile(" {0,4}(" + _trie_source(units) + ")") if units else re.compile("(?!)")


def _trie_source(units: Mapping[str, "_Unit"]) -> str:
    """One pattern for all units, shaped as a trie so that it never backtracks far.

    ``千瓦时``, ``千瓦`` and ``千米`` become ``千(?:瓦(?:时…|…)|米…)``; at each
    node the longer continuations come first, so the match is the longest
    unit; each unit's ``not_before`` characters become a negative lookahead,
    and a unit ending in a Latin letter may not run into more letters (5G).
    """
    trie: dict = {}
    for text in units:
        node = trie
        for char in text:
            node = node.setdefault(char, {})
        node[""] = units[text]

    def guard(unit: "_Unit") -> str:
        forbidden = "".join("\\" + char if char in "\\]^-[" else char for char in unit.not_before)
        if unit.text[-1].isascii() and unit.text[-1].isalpha():
            forbidden += "A-Za-z0-9"
        return f"(?![{forbidden}])" if forbidden else ""

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if "" in node:
            branches.append(guard(node[""]))
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return build(trie) if trie else "(?!)"


def _alternation(words: Iterable[str]) -> re.Pattern:
    """One pattern for a word list, longest first; one that never matches for no words.

    The lookahead on the words' first characters lets a search skip the other
    positions with one set test instead of trying every word there (5-10x
    faster over a 40-character window and 90 money words).
    """
    ordered = sorted(set(words), key=len, reverse=True)
    if not ordered:
        return re.compile("(?!)")
    first = "".join(re.escape(char) for char in sorted({word[0] for word in ordered}))
    return re.compile(f"(?=[{first}])(?:" + "|".join(re.escape(word) for word in ordered) + ")")


class _Rules:
    """Parsed records compiled into look-up tables (see :func:`_parse_record`); cannot fail."""

    def __init__(self, entries: Iterable[tuple[str, str, object]]):
        units: dict[str, _Unit] = {}
        symbols: dict[str, str] = {}
        markers: dict[str, dict] = {position: {} for position in MARKER_POSITIONS}
        cues: dict[str, dict[str, str]] = {kind: {} for kind in CUE_KINDS}
        words: dict[str, list[str]] = {kind: [] for kind in RECORD_TYPES}
        by_group: dict[str, dict[str, list[str]]] = {"label_after": {}, "threshold_head": {}, "title_before": {}}
        for kind, text, payload in entries:
            if kind == "unit":
                units[text] = payload
            elif kind == "currency_symbol":
                symbols[text] = payload
            elif kind == "marker":
                position, marker = payload
                markers[position][text] = marker if position == "before" else marker.approx
            elif kind == "cue":
                cue, approx = payload
                cues[cue][text] = approx
            elif kind in by_group:
                for group in payload:
                    by_group[kind].setdefault(group, []).append(text)
            else:
                words[kind].append(text)
        self.units = _Lookup(units)
        self.unit_first_chars = frozenset(key[0] for key in units)
        self.symbols = _Lookup(symbols)
        self.before = _Lookup(markers["before"])
        self.after = _Lookup(markers["after"])
        self.inside = _Lookup(markers["inside"])
        # characters after a unit that may continue it (see _attach_unit_tail)
        self.unit_tail_chars = frozenset("半/" + "".join(unit.more_after for unit in units.values()))
        self.money = _alternation(cues["money"])
        self.money_after = tuple(cues["money_after"])
        self.counted_before = _alternation(cues["counted_before"])     # never matches for no words
        self.counted_after = _alternation(cues["counted_after"])
        # 居全国第一 (a rank verb) and 增速全省第一 (a scope) both make 第一 a rank
        self.rank = _alternation([*cues["rank"], *cues["rank_scope"]])
        self.rank_verbs = _alternation(cues["rank"])
        self.rank_scope = _Lookup(dict.fromkeys(cues["rank_scope"], True))
        self.speed = _alternation(cues["speed"])
        self.streak = _Lookup(cues["streak"])
        self.scale = _Lookup(cues["scale"])
        self.scale_verb = _Lookup(cues["scale_verb"])
        self.scale_after = _Lookup(cues["scale_after"])
        self.bare_value = _Lookup(cues["bare_value"])
        self.stopwords = self._index_stopwords(words["stopword"])
        self.stopword_chars = frozenset(self.stopwords)
        self.unit_pattern = _trie_pattern(units)
        self.label_after = {family: tuple(found) for family, found in by_group["label_after"].items()}
        self.threshold_heads = {family: tuple(found) for family, found in by_group["threshold_head"].items()}
        self.timeframe_before = _Lookup(dict.fromkeys(words["timeframe_before"], True))
        self.timeframe_after = tuple(words["timeframe_after"])
        self.title_before = {unit: _Lookup(dict.fromkeys(found, True))
                             for unit, found in by_group["title_before"].items()}
        self.vague_before = _Lookup(dict.fromkeys(words["vague_before"], True))
        # A Chinese run without 万/亿 is only worth reading when one of these follows.
        self.quick_next = frozenset(self.unit_first_chars | set("".join(markers["inside"])) |
                                    set("半分成倍番强折 /:至到-~"))
        # First and last characters of what may stand around a number (see _read_number):
        # a space counts, since markers and verbs may stand across spaces.
        self.count_label_gate = frozenset({word[0] for word in self.label_after.get("count", ())} | _COORDINATORS)
        self.unit_gate_chars = frozenset(self.unit_first_chars | self.inside.first_chars | {" "})
        self.after_first_chars = frozenset(self.after.first_chars | {"级"})
        self.before_last_chars = frozenset(self.symbols.last_chars | self.before.last_chars | {" "})
        self.scale_verb_last_chars = frozenset(self.scale_verb.last_chars | {" "})
        self.scale_after_first_chars = frozenset(self.scale_after.first_chars | {"新"})
        # after a plain number without a unit: what may still make it a quantity (_plain_without_unit)
        self.bare_gate = frozenset(self.inside.first_chars | {" "} | _RANGE_FIRST_CHARS | self.after_first_chars |
                                   set("番强半分/:."))
        self._plain_tables(units)

    def _plain_tables(self, units: Mapping[str, _Unit]) -> None:
        """What QuantityGrammar._read_plain may read itself; anything else goes the full way."""
        # Units starting with what else may follow a number (三分之一, 1:3, 翻一番, 十强, 一半,
        # 30余项) and units with rules of their own (折, 成, 千伏) go the full way.
        not_first = set("分/:.番强半 ") | self.inside.first_chars
        self.plain_units = {
            text: unit for text, unit in units.items()
            if unit.rule is None and unit.max_value is None and not unit.class_before_noun
            and not unit.more_after and text[0] not in not_first
        }
        # before the number: codes (C919), ordinals, signs, fractions, spaces, currency symbols
        plain_before_block = _CODE_NEIGHBOURS | set("第前翻每负-/ ") | self.symbols.last_chars
        # after the unit: ranges, 级, 元/吨, 七成多, 一吨半 (五元三毛: see _read_plain)
        plain_after_block = self.unit_tail_chars | _RANGE_FIRST_CHARS | {"级"}
        self.scanner = _scanner(_trie_source(units), plain_before_block, plain_after_block, self.quick_next)

    @staticmethod
    def _index_stopwords(words: list[str]) -> dict[str, tuple[tuple[int, dict, tuple[str, ...]], ...]]:
        """numeral char → (its offset in the word, words by the character after it, words it ends).

        A run's edge character is then tested with, per offset, one look-up of
        the character after it and one ``str.startswith`` of the few words that
        have that character there (一 stands in 90 words, at three offsets).
        """
        groups: dict[str, dict[int, tuple[dict, set]]] = {}
        for word in words:
            for offset, char in enumerate(word):
                if char in _NUMERAL_CHARS:
                    by_next, ending = groups.setdefault(char, {}).setdefault(offset, ({}, set()))
                    if offset + 1 < len(word):
                        by_next.setdefault(word[offset + 1], set()).add(word)
                    else:
                        ending.add(word)
        return {char: tuple((offset, {following: tuple(sorted(found)) for following, found in by_next.items()},
                             tuple(sorted(ending)))
                            for offset, (by_next, ending) in sorted(by_offset.items()))
                for char, by_offset in groups.items()}


_NUMERAL_CHARS = frozenset("零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖幺廿卅十拾百佰千仟万亿兆点")
_BIG_CHARS = frozenset("万亿")
_UNIT_CHARS = frozenset("十拾百佰千仟万亿兆")
_MAGNITUDE_CHARS = frozenset("十拾百佰千仟万亿")
_MAGNITUDE_OR_SPACE = _MAGNITUDE_CHARS | {" "}
_BIG_OR_SPACE = _BIG_CHARS | {" "}
# Chinese digits read one by one (二〇二三): no unit, 点, 廿/卅 or ASCII among them
_DIGIT_SEQUENCE = re.compile("[^\x00-\x7f十拾百佰千仟万亿兆点廿卅]{2,}")
_AMBIGUOUS_CAPITALS = frozenset("陆伍拾肆佰仟")   # 陆地, 队伍, 收拾, 放肆: numerals only next to numerals
_OPENING_QUOTES = frozenset("“‘「『\"'《")
_CLOSING_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"', "《": "》"}
_LONGEST_QUOTED_NAME = 16
_COORDINATORS = frozenset("、和及与")
_RANGE_FIRST_CHARS = frozenset(" -~至到")        # where _RANGE_SEP can match
_ORDINAL_OR_PER = frozenset("第前每")
_UPPER_OR_LOWER_BOUND = ("at_least", "at_most")   # 以上, 以下 after a number …
_LOWER_BOUND = ("more_than", "at_least")           # 超, 不低于 before it: a threshold when a head follows
_MAGNITUDE_START = frozenset("百佰千仟万亿")        # _magnitude_only is false for any other start
_COUNTED_FIRST_MEASURES = frozenset("个项次")
_LONGEST_ORDINAL_CHAIN = 8
_CODE_NEIGHBOURS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_#%&=.")
_LONGEST_TRIMMED_RUN = 48        # 四千五百六十九万八千三百一十一亿… has 31 characters
_BOUNDARY = frozenset("，,。.；;：:！!？?、）)》」』】”\"' \n\t\r") | {""}
_SENTENCE_STOPS = "。！？；;!?\n"
_CLAUSE_STOPS = "。！？；;!?\n，,"
# a list of ranks after one verb (位居…第3、…第4): at most this many items, each at most this long before 第N
_LONGEST_RANK_LIST = 8
_RANK_ITEM_MAX = 14
_RANK_ITEM_END = re.compile(r"第[\d一二三四五六七八九十]{1,3}[位名]?$")
_PLACEMENT_BEFORE = ("放在", "摆在", "置于", "放到", "摆到", "摆上", "列为")
_FROM_WORDS = ("从", "由", "自")
_RANGE_SEP = re.compile(r" ?(?:-{1,2}|~|至|到) ?")
_FRACTION_GLUE = re.compile(r" *分 *之 *")
_MIXED_GLUE = re.compile(r" *又 *")                                   # 三又三分之一
_SLASH_FRACTION = re.compile(r"( [0-9]+)?/([0-9]+)(?![0-9./])")      # 1 3/5, 3/5 (number layer)
_SLASH_DENOMINATOR = re.compile(r"/([0-9]{1,4})(?![0-9./])")          # 1/7 (not 2024/5/20)
_PER_PART = re.compile(r"(?:就|中|里)有 ?")                          # 每4辆…就有1辆, 每10个…中有3个
_PER_VERB_LONGEST = 4                                                # 每出口4辆, 每卖出4辆
_PER_MEASURES = frozenset("年月日天周季个位家人户次项名张台辆件")      # 每年新增10家: 每 + a measure word
_RATIO_PART = re.compile(r"[0-9]+(?:\.[0-9]+)?")                     # 9.2:36.7:54.1
_SPECIAL_WORDS = ("过半数", "过半", "半数", "首位", "榜首", "对折", "半成", "半折")
# The leading lookahead lets the regex engine skip, with one set test, the
# positions where nothing can start (most of the text): twice as fast.
_SCANNER_START = "(?=[" + "".join(sorted(set(RUN_START_CHARS + "".join(word[0] for word in _SPECIAL_WORDS)))) + "])"


def _scanner(unit_source: str, not_after: Iterable[str], not_before: Iterable[str],
             worth_reading: Iterable[str]) -> re.Pattern:
    """Special words, plain Arabic numbers with the unit right after them, other runs.

    A match's last group tells which: ``word``, ``unit`` (a plain number and
    its unit), ``plain`` (a plain number without one) or ``run``.  A plain
    number must not stand after one of ``not_after`` nor within five
    characters after 每 (a ``run`` then, read in full), and its unit must not
    stand before one of ``not_before`` (a ``plain`` then).  The unit is an
    atomic group: refused, it gives way to no unit, never to a shorter one.
    A ``skip`` is a one-character Chinese numeral with nothing to read: after
    a character other than 第前翻每 and before none of ``worth_reading``
    (what _read_run would turn away at once: 一是, 三农, 二者).
    """
    def absent(chars: Iterable[str], look: str) -> str:
        chars = "".join(re.escape(char) for char in sorted(set(chars)))
        return f"(?{look}[{chars}])" if chars else ""

    no_per = "(?s:" + "".join(f"(?<!每{'.' * gap})" for gap in range(_PER_VERB_LONGEST + 1)) + ")"
    scanner = re.compile(
        _SCANNER_START + "(?:(?P<word>" + "|".join(_SPECIAL_WORDS) + ")"
        "|(?P<plain>(?=[0-9])" + absent(not_after, "<!") + no_per + PLAIN_RUN_SOURCE + ")"
        "(?P<unit>(?>" + unit_source + ")" + absent(not_before, "!") + ")?"
        "|(?P<skip>(?<=[^第前翻每])[〇零一二两三四五六七八九十](?![" + re.escape(RUN_CHARS) + "])"
        + absent(worth_reading, "!") + ")"
        "|(?P<run>" + NUMERAL_RUN.pattern + "))"
    )
    assert scanner.groupindex == {"word": _WORD, "plain": _PLAIN, "unit": _UNIT, "skip": _SKIP, "run": _RUN}
    return scanner


# The scanner's groups by number: find() tells them apart by Match.lastindex.
_WORD, _PLAIN, _UNIT, _SKIP, _RUN = 1, 2, 3, 4, 5


_SMALL_CHANGE_DIGITS = frozenset("0123456789一二两三四五六七八九壹贰叁肆伍陆柒捌玖")
_SMALL_CHANGE = re.compile(
    r"(?:(?P<jiao>[0-9一二两三四五六七八九壹贰叁肆伍陆柒捌玖])[角毛])?"
    r"(?:(?P<fen>[0-9一二两三四五六七八九壹贰叁肆伍陆柒捌玖])分(?!之))?"
)
_URL = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+")


_new_quantity = tuple.__new__      # Quantity's own constructor adds a Python call for nothing


def _is_ascii_letter(char: str) -> bool:
    return ("a" <= char <= "z") or ("A" <= char <= "Z")


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _window(text: str, end: int, size: int, stops: str) -> str:
    """The text before ``end`` back to the nearest stop character (at most ``size`` chars)."""
    start = max(0, end - size)
    for stop in stops:
        found = text.rfind(stop, start, end)
        if found >= start:
            start = found + 1
    return text[start:end]


def _window_after(text: str, start: int, size: int, stops: str) -> str:
    """The text after ``start`` up to the nearest stop character (at most ``size`` chars)."""
    window = text[start:start + size]
    for stop in stops:
        cut = window.find(stop)
        if cut >= 0:
            window = window[:cut]
    return window


# ---------------------------------------------------------------------------
# A candidate being read

@dataclass(slots=True)
class _Candidate:
    start: int                  # span start (grows left over markers)
    end: int                    # span end (grows right over unit and markers)
    run_start: int
    run_end: int
    run: str
    value: Decimal
    approx: str = "exact"
    unit: _Unit | None = None
    unit_name: str | None = None
    upper: Decimal | None = None
    kind_hint: str | None = None
    negative: bool = False
    prefix_approx: str | None = None
    suffix_approx: str | None = None
    suffix_marker: str | None = None
    inside_approx: str | None = None
    graded: bool = False        # 7000亿级

    @property
    def family(self) -> str:
        return self.unit.family if self.unit is not None else "bare"


class QuantityGrammar:
    """Finds quantities in Chinese text.

    >>> grammar = QuantityGrammar.default()
    >>> [(q.text, q.value, q.unit) for q in grammar.find("地区生产总值13.57万亿元，增长5.2%")]
    [('13.57万亿元', 13570000000000.0, '元'), ('5.2%', 5.2, '%')]
    """

    def __init__(self, units: Iterable[Mapping] = (), markers: Iterable[Mapping] = (),
                 exclusions: Iterable[Mapping] = (), multipliers: Iterable[Mapping] = ()):
        self._records: list[Mapping] = []
        self._entries: list[tuple[str, str, object]] = []
        self._compiled: _Rules | None = None
        self.add_rules([*units, *markers, *exclusions, *multipliers])

    @classmethod
    def default(cls) -> "QuantityGrammar":
        """The grammar with the shipped data files (a fresh object: add_rules may change it)."""
        data = _default_records()
        return cls(units=data["units"], markers=data["markers"], exclusions=data["exclusions"],
                   multipliers=data["multipliers"])

    def add_rules(self, records: Iterable[Mapping]) -> None:
        """Add rule records, e.g. ``{"type": "unit", "text": "标准箱", "unit": "标箱", "factor": 1}``.

        Every record is checked before any is added: one bad record raises
        ValueError and leaves the grammar as it was.  The tables are compiled
        once, at the next :meth:`find`, however many calls added records.
        """
        records = list(records)
        entries = [_parse_record(record) for record in records]
        self._records.extend(MappingProxyType(dict(record)) for record in records)
        self._entries.extend(entries)
        self._compiled = None

    @property
    def _rules(self) -> _Rules:
        if self._compiled is None:
            self._compiled = _Rules(self._entries)
        return self._compiled

    @property
    def records(self) -> tuple[Mapping, ...]:
        return tuple(self._records)

    # -- the number layer ---------------------------------------------------

    def find_numbers(self, text: str) -> list[Number]:
        """Every number in ``text``, without units or context rules (the number layer).

        Years, dates and codes are numbers here; :meth:`find` decides which
        numbers are quantities.
        """
        norm = normalize(text)
        rules = self._rules
        found: list[Number] = []
        position = 0
        while True:
            match = NUMERAL_RUN.search(norm, position)
            if match is None:
                return found
            start, end = match.span()
            position = end
            run = match.group()
            if _FRACTION_GLUE.match(norm, end) is None and (
                    self._is_stopword(norm, start, end) or self._lone_capital(run)):
                continue
            if _BIG_OR_SPACE.issuperset(run):
                continue                                    # 万, 万万: no digit, no number
            start, end, value = self._number_at(norm, start, end, rules)
            if value is None:
                continue
            found.append(Number(start, end, text[start:end], value))
            if norm[end:end + 1] not in _UNIT_CHARS:
                position = end                              # read on after a trimmed run (五十千: not 千)

    def _number_at(self, norm: str, start: int, end: int, rules: _Rules):
        """Read the number at a run, with fractions and a written sign."""
        glue = _FRACTION_GLUE.match(norm, end)
        if glue:
            after = glue.end()
            minus = norm.startswith("负", after)
            numerator = NUMERAL_RUN.match(norm, after + minus)
            if numerator:
                denominator = norm[start:end].replace(" ", "")
                if denominator in ("百", "千", "万", "佰", "仟"):  # 百分之五十五: the number is 五十五
                    value = self._value_or_none(norm[after:numerator.end()])
                    return after, numerator.end(), value
                start = self._signed_start(norm, start)
                return start, numerator.end(), self._plain_fraction(norm[start:numerator.end()])
        mixed = _MIXED_GLUE.match(norm, end)
        if mixed:
            denominator = NUMERAL_RUN.match(norm, mixed.end())
            if denominator:
                glue = _FRACTION_GLUE.match(norm, denominator.end())
                numerator = NUMERAL_RUN.match(norm, glue.end()) if glue else None
                if numerator:
                    start = self._signed_start(norm, start)
                    value = self._plain_fraction(norm[start:numerator.end()])
                    if value is not None:
                        return start, numerator.end(), value
        slash = _SLASH_FRACTION.match(norm, end)
        if slash and norm[start:end].isdigit():
            start = self._signed_start(norm, start)
            value = self._plain_fraction(norm[start:slash.end()])
            if value is not None:
                return start, slash.end(), value
        run = norm[start:end]
        value, cut = self._read_with_trim(run)
        if value is None:
            return start, end, None
        end = start + cut
        signed_start = self._signed_start(norm, start)
        if signed_start != start:
            value = -value
        return signed_start, end, value

    @staticmethod
    def _value_or_none(text: str) -> Decimal | None:
        try:
            return read_run(text)[0]
        except NumeralError:
            return None

    @staticmethod
    def _plain_fraction(text: str) -> Decimal | None:
        try:
            reading = read_numeral(text)
        except NumeralError:
            return None
        return reading.value / 100 if reading.share else reading.value

    @staticmethod
    def _signed_start(norm: str, start: int) -> int:
        if start and norm[start - 1] == "负":
            return start - 1
        if start and norm[start - 1] == "-" and _is_sign_position(norm, start - 1):
            return start - 1
        return start

    @staticmethod
    def _read_with_trim(run: str) -> tuple[Decimal | None, int]:
        """Read a run; when it does not parse, the longest prefix that does (五十千 → 五十).

        Runs longer than any real numeral are only tried whole, so that a
        page of numeral characters cannot make the search quadratic.
        """
        if len(run) > _LONGEST_TRIMMED_RUN:
            reading = run_reading(run)
            return (reading[0], len(run)) if reading is not None else (None, 0)
        for cut in range(len(run), 0, -1):
            if run[cut - 1] == " ":
                continue
            if cut < len(run) and QuantityGrammar._digit_sequence(run[:cut].replace(" ", "")):
                continue                                     # 二三十 is vague, not 23 and 十
            reading = run_reading(run[:cut])
            if reading is not None:
                return reading[0], cut
        return None, 0

    # -- the quantities -----------------------------------------------------

    def find(self, text: str) -> list[Quantity]:
        """All quantities in ``text``, sorted by start, not overlapping.

        One scan; each match is a plain number (read by the shortcuts when
        they can), a special word or a run (the full reading).  The loop is
        written out in one piece because it runs once per number.
        """
        norm = normalize(text)
        rules = self._rules
        in_url = _url_mask(norm)
        found: list[Quantity] = []
        last_end = 0
        position = 0
        search, read_plain = rules.scanner.search, self._read_plain
        while True:
            match = search(norm, position)
            if match is None:
                if found and (_POINTS in norm or _RESPECTIVELY in norm):
                    return _with_shared_units(norm, text, found)
                return found
            kind = match.lastindex
            if kind == _UNIT or kind == _PLAIN:
                start, end = match.start(), match.end(_PLAIN)
                if kind == _UNIT:
                    quantity = read_plain(text, norm, start, end, match.group(_UNIT), match.end(), last_end, rules)
                else:
                    quantity = self._plain_without_unit(norm, start, end, rules)
                if quantity is not None:                     # settled without the full reading
                    if quantity and not (in_url and in_url[quantity.start]):
                        found.append(quantity)
                        last_end = position = quantity.end
                    else:
                        position = end
                    continue
                candidates, resume = self._read_run(norm, start, end, last_end, rules)
            elif kind == _SKIP:
                position = match.end()
                continue
            elif kind == _WORD:
                candidates, resume = self._special_word(norm, match, last_end, rules), match.end()
            else:
                candidates, resume = self._read_run(norm, match.start(), match.end(), last_end, rules)
            for candidate in candidates:
                if candidate.start < last_end or (in_url and in_url[candidate.start]):
                    continue
                quantity = self._as_quantity(text, candidate)
                if quantity is not None:
                    found.append(quantity)
                    last_end = quantity.end
            position = max(resume, last_end, match.start() + 1)

    @staticmethod
    def _as_quantity(text: str, candidate: _Candidate) -> Quantity | None:
        """The record of an accepted candidate; None for a value no float holds (400 nines)."""
        value = float(candidate.value)
        if not isfinite(value):
            return None
        start, end, upper = candidate.start, candidate.end, candidate.upper
        return _new_quantity(Quantity, (
            start, end, text[start:end], -value if candidate.negative else value,
            candidate.unit_name or "", candidate.approx,
            None if upper is None else float(upper), candidate.kind_hint))

    def _read_plain(self, text: str, norm: str, start: int, end: int, unit_text: str, unit_end: int,
                    last_end: int, rules: _Rules):
        """A plain Arabic number with a unit and at most a marker on either side, read in one go.

        Most quantities are of this kind.  Gives the Quantity; False when the
        number is none (a year, a date, a threshold); None when anything around
        it needs the full reading (_read_run), which would find the same.  Each
        test here stands for a step of the full reading, and the characters
        that could start a step this one does not take send the number there.
        """
        # The scanner has left out 第3, 前10, C919, -3%, $5, 1/7, spaces before the
        # number, 每出口4辆, and 5%-6%, 元/吨, 五元三毛, 万吨级 after the unit.
        unit = rules.plain_units.get(unit_text)
        if unit is None:
            return None                                  # 条 (titles), 折, 成, 千伏, 公里 (时速), 分钟 …
        quantity_end = unit_end
        after = norm[quantity_end:quantity_end + 1]
        if unit.small_change and after in _SMALL_CHANGE_DIGITS:
            return None                                  # 五元三毛
        preceding = norm[start - 1] if start else ""
        family = unit.family
        if family == "date":
            return False                                 # 7月, 12日
        # the marker before the number (约5%, 超过10家)
        prefix = None
        quantity_start = start
        if preceding in rules.before.last_chars:
            hit = rules.before.ending_at(norm, start)
            if hit:
                word, marker = hit
                marker_start = start - len(word)
                if marker_start >= last_end and (not marker.magnitude_only or family == "money") and \
                        not (marker.not_after and marker_start and norm[marker_start - 1] in marker.not_after):
                    prefix, quantity_start = marker.approx, marker_start
        if family == "time":
            if prefix is None and unit.requires == "streak" and "." not in norm[start:end] and \
                    not rules.streak.ending_at(norm, start):
                return False                             # 2023年
            return None                                  # durations: time frames and labels
        # the marker after the unit (5%左右, 200家以上)
        suffix = None
        if after in rules.after.first_chars:
            hit = rules.after.starting_at(norm, quantity_end)
            if hit:
                suffix = hit[1]
                quantity_end += len(hit[0])
                after = norm[quantity_end:quantity_end + 1]
        if family == "count" and after in rules.count_label_gate and \
                self._label_follows(norm, quantity_end, unit.text, rules.label_after.get("count", ())):
            return False                                 # 五个方面
        if (suffix in _UPPER_OR_LOWER_BOUND or prefix in _LOWER_BOUND) and \
                _followed_by(norm, quantity_end, rules.threshold_heads.get(family, ())):
            return False                                 # 10亿元以上项目: a threshold
        unit_name = unit.unit
        titles = rules.title_before.get(unit_name)
        if titles is not None and titles.ending_at(norm, quantity_start):
            return False                                 # 稳增长26条
        if unit.per_hour and rules.speed.search(_window(norm, quantity_start, 8, _CLAUSE_STOPS)):
            unit_name = unit.per_hour                    # 时速350公里
        approx = prefix or unit.approx or suffix
        if not approx:
            if norm[quantity_start - 1:quantity_start] in rules.scale_verb_last_chars or \
                    after in rules.scale_after_first_chars:
                approx = self._scale_approx(norm, quantity_start, quantity_end, rules)
            else:
                approx = "exact"
        reading = run_reading(norm[start:end])
        if reading is None:
            return None
        value = reading[0]
        if unit.adjusts:
            if unit.factor != 1:
                value *= unit.factor
            if unit.plus:
                value += unit.plus
        value = float(value)
        if not isfinite(value):
            return False                                 # 400 nines: no float can hold it
        return _new_quantity(Quantity, (quantity_start, quantity_end, text[quantity_start:quantity_end],
                                        value, unit_name, approx, None, unit.kind_hint))

    @staticmethod
    def _plain_without_unit(norm: str, start: int, end: int, rules: _Rules) -> bool | None:
        """False for a plain number that nothing around can make a quantity (5G, 2023。), else None.

        Without a unit only a range, a multiplier (万, 亿) or a cue such as 为/达 before it
        makes a number a value (see _unitless); 番, 强, 分之, ratios, slashes, markers and
        units after it, and markers before it, go the full way.
        """
        following = norm[end:end + 1]
        if following in rules.bare_gate:
            return None
        if following in rules.unit_first_chars and rules.unit_pattern.match(norm, end):
            return None                                  # a unit the scanner refused: 5%-6%
        preceding = norm[start - 1:start]
        if preceding in rules.before_last_chars or \
                (preceding in rules.bare_value.last_chars and rules.bare_value.ending_at(norm, start)):
            return None
        if "万" in norm[start:end] or "亿" in norm[start:end]:
            return None
        return False

    @staticmethod
    def _scale_approx(norm: str, start: int, end: int, rules: _Rules) -> str:
        """突破2000亿元 and 迈上14万亿元台阶: more_than (see _settle_approx)."""
        if norm[start - 1:start] in rules.scale_verb_last_chars:
            verb = rules.scale_verb.ending_at(norm, _before_spaces(norm, start))
            if verb:
                return verb[1]
        if norm[end:end + 1] in rules.scale_after_first_chars:
            after = rules.scale_after.starting_at(norm, end) or \
                (norm.startswith("新", end) and rules.scale_after.starting_at(norm, end + 1))
            if after:
                return after[1]
        return "exact"

    # -- special words (过半, 首位 …) ----------------------------------------

    def _special_word(self, norm: str, match: re.Match, last_end: int, rules: _Rules) -> list[_Candidate]:
        word = match.group()
        start, end = match.span()
        candidate = _Candidate(start, end, start, end, word, Decimal(0))
        if word in ("过半数", "过半", "半数"):
            reading = read_numeral(word)
            candidate.value, candidate.unit_name, candidate.kind_hint = reading.value, "%", "share"
            candidate.inside_approx = reading.approx if reading.approx != "exact" else None
            if word.startswith("过") and norm.endswith("不", 0, start):
                if start - 1 < last_end:
                    return []
                candidate.start, candidate.inside_approx = start - 1, "at_most"   # 不过半
        elif word == "首位":                               # 我国首位…选手 is no rank: verbs only
            if not rules.rank_verbs.search(_window(norm, start, 12, _CLAUSE_STOPS)) or \
                    norm.endswith(_PLACEMENT_BEFORE, 0, start):
                return []
            candidate.value, candidate.unit_name, candidate.kind_hint = Decimal(1), "位", "rank"
        elif word == "榜首":
            candidate.value, candidate.unit_name, candidate.kind_hint = Decimal(1), "位", "rank"
        elif word == "对折":
            if not norm.endswith("打", 0, start):
                return []
            candidate.value, candidate.unit_name = Decimal(50), "%"
        elif word == "半成":
            candidate.value, candidate.unit_name, candidate.kind_hint = Decimal(5), "%", "share"
        else:                                            # 半折
            candidate.value, candidate.unit_name = Decimal(50), "%"
        self._attach_after_markers(norm, candidate, rules)
        self._attach_before_markers(norm, candidate, last_end, rules, magnitude_only=word.startswith("半"))
        self._settle_approx(norm, candidate, rules)
        return [candidate]

    # -- runs -----------------------------------------------------------------

    def _read_run(self, norm: str, start: int, end: int, last_end: int, rules: _Rules):
        """Candidates at one run, and where to look next."""
        run = norm[start:end]
        length = len(norm)
        following = norm[end] if end < length else ""
        preceding = norm[start - 1] if start else ""
        arabic = run[0].isascii()
        has_big = "万" in run or "亿" in run
        if not arabic and not has_big and following not in rules.quick_next and preceding not in "第前翻每":
            return [], end
        if following == "分" or following == " ":
            glue = _FRACTION_GLUE.match(norm, end)
            if glue:
                return self._fraction(norm, start, end, glue.end(), last_end, rules)
        if not arabic:
            if len(run) == 1 and run in _AMBIGUOUS_CAPITALS:
                return [], end                               # 陆地, 队伍, 收拾
            stop_chars = rules.stopword_chars
            if (run[0] in stop_chars or run[-1] in stop_chars) and self._is_stopword(norm, start, end):
                return [], end
        elif (preceding in _CODE_NEIGHBOURS or following == ".") and self._inside_code(norm, start, end, following):
            return [], end
        elif following == "/":
            fraction = self._slash_fraction(norm, start, end, last_end, rules)
            if fraction is not None:
                return fraction
        elif following == ":" and _RATIO_PART.fullmatch(run):
            return self._ratio(norm, start, end, last_end, rules)
        reading = run_reading(run)
        if reading is not None:
            value, approx_inside = reading
        else:
            value, cut = self._read_with_trim(run)
            if value is None:
                return [], end
            if not run[cut].isascii() and run[cut] not in _UNIT_CHARS:
                return [], end                               # 二三十: a vague range, not 2 then 30
            end = start + cut
            run = run[:cut]
            following = norm[end] if end < length else ""
            approx_inside = read_run(run)[1]
        candidate = _Candidate(start, end, start, end, run, value)
        if approx_inside != "exact" and (not arabic or "余" in run or "多" in run):   # 2十几 stays exact
            candidate.inside_approx = approx_inside
        accepted = self._read_number(norm, candidate, last_end, rules, preceding, following)
        return ([candidate] if accepted else []), candidate.end if accepted else end

    def _read_number(self, norm: str, candidate: _Candidate, last_end: int, rules: _Rules,
                     preceding: str, following: str) -> bool:
        """Attach what surrounds a plain number and decide whether it is a quantity."""
        start, end, run = candidate.run_start, candidate.run_end, candidate.run

        # Forms that the character after the number settles.
        if run == "一" and following == "半" and not norm.startswith("半导", end):
            candidate.value, candidate.unit_name, candidate.kind_hint = Decimal(50), "%", "share"
            candidate.end = end + 1
            return self._finish_share_word(norm, candidate, last_end, rules)
        if following == "番" and (preceding == "翻" or norm.endswith("翻了", 0, start)):
            return self._doubling(norm, candidate)
        if following == "强" and preceding != "第":
            return self._top_n_strong(norm, candidate, last_end, rules)

        # Each step below is tried only when the character it starts from can
        # start it: most numbers have nothing around them but a unit.
        if following in rules.unit_gate_chars:
            self._attach_unit(norm, candidate, rules)
        unit = candidate.unit
        following = norm[candidate.end:candidate.end + 1]
        if following in _RANGE_FIRST_CHARS and (unit is None or unit.family != "date"):
            self._attach_range(norm, candidate, rules)
            following = norm[candidate.end:candidate.end + 1]
        if following in rules.after_first_chars:
            self._attach_after_markers(norm, candidate, rules)
        if preceding == "负" or preceding == "-":
            self._attach_sign(norm, candidate)

        if preceding in _ORDINAL_OR_PER:
            if preceding == "第":
                if not candidate.negative:
                    return self._ordinal_rank(norm, candidate, rules)
            elif preceding == "前":
                return self._top_n(norm, candidate, rules)
            else:
                return self._per_share(norm, candidate, rules, start - 1)
        if candidate.unit is not None and \
                norm.find("每", start - _PER_VERB_LONGEST - 1 if start > _PER_VERB_LONGEST else 0, start) >= 0:
            per_start = self._per_verb_start(norm, start, last_end)
            if per_start >= 0 and self._per_share(norm, candidate, rules, per_start):
                return True                              # otherwise 每生产1吨钢: 1吨 as usual

        magnitude_only = self._magnitude_only(run)
        if norm[candidate.start - 1:candidate.start] in rules.before_last_chars:
            self._attach_before_markers(norm, candidate, last_end, rules, magnitude_only)
        if not self._accept(norm, candidate, rules, magnitude_only):
            return False
        self._settle_approx(norm, candidate, rules)
        return True

    # -- attachments ---------------------------------------------------------

    def _attach_unit(self, norm: str, candidate: _Candidate, rules: _Rules) -> None:
        position = candidate.end
        if norm[position:position + 1] in rules.inside.first_chars:
            self._attach_inside_marker(norm, candidate, rules)
            position = candidate.end
        unit_hit = self._unit_at(norm, position, rules)
        if unit_hit is None:
            return
        unit, unit_end = unit_hit
        candidate.unit, candidate.unit_name, candidate.end = unit, unit.unit, unit_end
        if unit.adjusts:
            if unit.factor != 1:
                candidate.value *= unit.factor
            if unit.plus:
                candidate.value += unit.plus
        if unit.kind_hint:
            candidate.kind_hint = unit.kind_hint
        if unit.small_change or norm[unit_end:unit_end + 1] in rules.unit_tail_chars:
            self._attach_unit_tail(norm, candidate, unit, unit_end, rules)

    def _attach_inside_marker(self, norm: str, candidate: _Candidate, rules: _Rules) -> None:
        """30余项, 1300多亿: 余/多 between the number and its unit (or at a multiplier's end)."""
        position = candidate.end
        inside = rules.inside.starting_at(norm, position)
        if inside:
            after = position + len(inside[0])
            if self._unit_at(norm, after, rules) or candidate.run[-1] in _BIG_CHARS or \
                    norm[after:after + 1] in _BOUNDARY:
                candidate.inside_approx = inside[1]
                candidate.end = after

    def _attach_unit_tail(self, norm: str, candidate: _Candidate, unit: _Unit, unit_end: int,
                          rules: _Rules) -> None:
        """What may follow a unit: 七成多, 一吨半, 五元三毛, 元/吨."""
        if unit.more_after and norm[unit_end:unit_end + 1] in unit.more_after and unit_end < len(norm):
            candidate.inside_approx = "more_than"
            candidate.end = unit_end = unit_end + 1
        # 一吨半, 三成半: half of the unit more
        if norm.startswith("半", unit_end) and not norm.startswith("半导", unit_end) and \
                candidate.value == candidate.value.to_integral_value() and \
                unit.family in ("physical", "time", "percent", "age") and unit.rule is None:
            candidate.value += unit.factor / 2
            candidate.end = unit_end + 1
        if unit.small_change:
            self._attach_small_change(norm, candidate)
        # 元/吨, 微克/立方米
        if norm.startswith("/", candidate.end):
            second = self._unit_at(norm, candidate.end + 1, rules, allow_space=False)
            if second and second[0].family not in ("date",):
                candidate.unit_name = f"{candidate.unit_name}/{second[0].unit}"
                candidate.end = second[1]

    @staticmethod
    def _attach_small_change(norm: str, candidate: _Candidate) -> None:
        """五元三毛 = 5.3 元, 50元6角三分 = 50.63 元."""
        change = _SMALL_CHANGE.match(norm, candidate.end)
        if not change or not (change.group("jiao") or change.group("fen")):
            return
        for group, scale in (("jiao", Decimal("0.1")), ("fen", Decimal("0.01"))):
            digit = change.group(group)
            if digit:
                candidate.value += read_run(digit)[0] * scale
        candidate.end = change.end()

    def _unit_at(self, norm: str, position: int, rules: _Rules, allow_space: bool = True):
        """The longest unit starting at ``position`` (after at most four spaces)."""
        following = norm[position:position + 1]
        if following not in rules.units.first_chars:
            if following != " " or not allow_space:
                return None
        match = rules.unit_pattern.match(norm, position)
        if match is None or (not allow_space and match.start(1) != position):
            return None
        return rules.units.table[match.group(1)], match.end()

    def _attach_range(self, norm: str, candidate: _Candidate, rules: _Rules) -> None:
        """5%—6%, 4%至6%, 5-6万, 100-200家: an upper bound."""
        separator = _RANGE_SEP.match(norm, candidate.end)
        if not separator or norm.endswith(_FROM_WORDS, 0, candidate.start):
            return
        second = NUMERAL_RUN.match(norm, separator.end())
        if not second:
            return
        try:
            upper, _ = read_run(second.group())
        except NumeralError:
            return
        upper_end = second.end()
        upper_unit = self._unit_at(norm, upper_end, rules)
        first_unit = candidate.unit
        value = candidate.value
        if first_unit is None and upper_unit is None:
            if "万" not in second.group() and "亿" not in second.group():
                return
        if first_unit is not None and upper_unit is not None and first_unit.unit != upper_unit[0].unit:
            return
        if first_unit is not None and upper_unit is None:
            return
        if first_unit is None:
            # 5-6万: the multiplier and unit of the upper bound apply to both
            if "万" not in candidate.run and "亿" not in candidate.run:
                value *= _trailing_multiplier(second.group())
            if upper_unit is not None:
                candidate.unit, candidate.unit_name = upper_unit[0], upper_unit[0].unit
                value *= upper_unit[0].factor
                if upper_unit[0].kind_hint:
                    candidate.kind_hint = upper_unit[0].kind_hint
        if upper_unit is not None:
            upper *= upper_unit[0].factor
            upper_end = upper_unit[1]
        if not value < upper:
            return
        candidate.value, candidate.upper, candidate.end = value, upper, upper_end

    def _attach_after_markers(self, norm: str, candidate: _Candidate, rules: _Rules) -> None:
        if norm.startswith("级", candidate.end):
            candidate.graded = True
            candidate.end += 1
        hit = rules.after.starting_at(norm, candidate.end)
        if hit:
            candidate.suffix_marker, candidate.suffix_approx = hit
            candidate.end += len(hit[0])

    def _attach_sign(self, norm: str, candidate: _Candidate) -> None:
        start = candidate.start
        if start and norm[start - 1] == "负":
            candidate.negative, candidate.start = True, start - 1
        elif start and norm[start - 1] == "-" and _is_sign_position(norm, start - 1):
            candidate.negative, candidate.start = True, start - 1

    def _attach_before_markers(self, norm: str, candidate: _Candidate, last_end: int, rules: _Rules,
                               magnitude_only: bool) -> None:
        start = candidate.start
        symbol = rules.symbols.ending_at(norm, start)
        if symbol and start - len(symbol[0]) >= last_end:
            if candidate.unit is None:
                candidate.unit_name = symbol[1]
                candidate.unit = _Unit(symbol[0], symbol[1], "money")
            start -= len(symbol[0])
            candidate.start = start
        marker_end = _before_spaces(norm, start)       # 约合 1243 亿元
        hit = rules.before.ending_at(norm, marker_end)
        if not hit:
            return
        word, marker = hit
        marker_start = marker_end - len(word)
        if marker_start < last_end:
            return
        if marker.magnitude_only and not magnitude_only and \
                (candidate.unit is None or candidate.unit.family != "money"):
            return                                       # 过万亿, 过半; 过500亿元 (an amount of money) too
        if marker.not_after and marker_start and norm[marker_start - 1] in marker.not_after:
            return
        candidate.prefix_approx = marker.approx
        candidate.start = marker_start

    def _settle_approx(self, norm: str, candidate: _Candidate, rules: _Rules) -> None:
        """One approximation, by precedence: before the number, the unit, inside, after, scale words."""
        unit = candidate.unit
        approx = candidate.prefix_approx or (unit.approx if unit is not None else None) or \
            candidate.inside_approx or candidate.suffix_approx
        if approx:
            candidate.approx = approx
            return
        start, end = candidate.start, candidate.end
        if norm[start - 1:start] in rules.scale_verb_last_chars:
            verb = rules.scale_verb.ending_at(norm, _before_spaces(norm, start))
            if verb:
                candidate.approx = verb[1]
                return
        if norm[end:end + 1] in rules.scale_after_first_chars:
            after = rules.scale_after.starting_at(norm, end) or \
                (norm.startswith("新", end) and rules.scale_after.starting_at(norm, end + 1))
            if after:
                candidate.approx = after[1]
                return
        if candidate.graded:
            candidate.approx = "at_least"

    # -- acceptance ----------------------------------------------------------

    def _accept(self, norm: str, candidate: _Candidate, rules: _Rules, magnitude_only: bool) -> bool:
        """Whether the number with what it took around it is a quantity.

        Every test but the discount's and the unitless one only says no, so
        they are grouped by what they need (Chinese numerals, the unit, the
        family) and each group is skipped when it cannot apply.
        """
        run = candidate.run
        unit = candidate.unit
        if unit is None:
            family = "bare"
        else:
            family = unit.family
            if family == "date":
                return False                             # 2023年底, 7月, 12日, 一季度
        chinese = not run[0].isascii()
        if chinese and not self._chinese_numeral_ok(norm, candidate, unit, family, rules):
            return False
        end = candidate.end
        following = norm[end:end + 1]
        if unit is not None:
            if unit.rule == "discount":
                return self._discount(candidate)
            if unit.max_value is not None and candidate.value > unit.max_value * unit.factor:
                return False                             # 十成 at most
            if unit.class_before_noun and _is_cjk(following or "。"):
                return False                             # 500千伏输变电工程: the facility's class
            if chinese and unit.text == "个" and not candidate.inside_approx and \
                    self._quoted_head_follows(norm, end):
                return False                             # 三个“一号工程”, 两个“误区”: names enumerated
            titles = rules.title_before.get(unit.unit)
            if titles is not None and titles.ending_at(norm, candidate.start):
                return False                             # 稳增长26条
        if family == "time":
            if not self._duration_ok(norm, candidate, rules):
                return False
            if _followed_by(norm, end, rules.label_after.get("time", ())):
                return False                             # 15分钟生活圈
        elif family == "count":
            if following in rules.count_label_gate and \
                    self._label_follows(norm, end, unit.text, rules.label_after.get("count", ())):
                return False                             # 五个方面, 两个确立, 三次、四次全会
            start = candidate.start
            if chinese and start and norm[start - 1] in _OPENING_QUOTES:
                return False                             # “两个转变”, “三个有利于”: slogans
        if magnitude_only:
            if not self._scale_stated(norm, candidate, rules):
                return False                             # 万亿城市, 亿元以上项目, 百万千瓦机组
            if family not in ("count", "time") and \
                    _followed_by(norm, end, rules.label_after.get("magnitude", ())):
                return False                             # 超千亿元的产业集群
        if candidate.graded and family in ("physical", "count", "time") and _is_cjk(following or "。"):
            return False                                 # 5万吨级泊位, 10万千瓦级机组: a class
        if (candidate.suffix_approx in _UPPER_OR_LOWER_BOUND or candidate.prefix_approx in _LOWER_BOUND) and \
                _followed_by(norm, end, rules.threshold_heads.get(family, ())):
            return False                                 # 10亿元以上项目, 营收超10亿元企业: a threshold
        if unit is None:
            return self._unitless(norm, candidate, rules, chinese)
        if unit.per_hour and rules.speed.search(_window(norm, candidate.start, 8, _CLAUSE_STOPS)):
            candidate.unit_name = unit.per_hour          # 时速350公里
        return True

    def _chinese_numeral_ok(self, norm: str, candidate: _Candidate, unit: _Unit | None, family: str,
                            rules: _Rules) -> bool:
        """Chinese numerals that are words or labels rather than values."""
        if rules.vague_before.ending_at(norm, candidate.run_start):
            return False                                 # 数十家, 几百个 (but 人数11.2万人)
        compact = candidate.run.replace(" ", "")
        if self._digit_sequence(compact) and not (unit is not None and unit.rule == "discount"):
            return False                                 # “一二三四”行动, 二〇二三
        if unit is not None and unit.arabic_only:
            return False                                 # 二期工程: a phase
        if compact == "一" and family not in ("money", "percent", "ratio", "physical"):
            return False                                 # 一个, 一批, 一年: articles, not counts
        return True

    def _unitless(self, norm: str, candidate: _Candidate, rules: _Rules, chinese: bool) -> bool:
        """A number without a unit: a multiplied amount, or an index value after 为/达."""
        if "万" in candidate.run or "亿" in candidate.run:
            counted = rules.counted_before.search(_window(norm, candidate.start, 6, _CLAUSE_STOPS)) or \
                rules.counted_after.search(_window_after(norm, candidate.end, 8, _CLAUSE_STOPS))
            if counted:
                pass                                         # 旅居人数达128.6万: people, whatever came before
            elif rules.money.search(_window(norm, candidate.start, 40, _SENTENCE_STOPS)) or \
                    rules.money.search(_window_after(norm, candidate.end, 8, _CLAUSE_STOPS)) or \
                    ("亿" in candidate.run and self._money_step_after(norm, candidate.end, rules)):
                candidate.unit_name = "元"                  # 营收1.2万亿, 1300多亿的外汇储备, 百亿台阶
                candidate.unit = _Unit("元", "元", "money")
            return True
        if chinese:
            return False
        if candidate.upper is not None:
            return True
        if not rules.bare_value.ending_at(norm, candidate.start):
            return False
        following = norm[candidate.end:candidate.end + 1]
        if following and _is_cjk(following) and following not in "，。；、的":
            return False
        compact = candidate.run
        if compact.isdigit() and len(compact) == 4 and 1000 <= int(compact) <= 2199:
            return False                                 # 至2025: a year
        return True

    @staticmethod
    def _label_follows(norm: str, position: int, unit_text: str, words: tuple[str, ...]) -> bool:
        """A label word after the count, or after a chain of counts: 五个方面, 三次、四次全会."""
        if norm.startswith(words, position):
            return True
        while norm[position:position + 1] in _COORDINATORS:
            following = NUMERAL_RUN.match(norm, position + 1)
            if following is None or not norm.startswith(unit_text, following.end()):
                return False
            position = following.end() + len(unit_text)
            if norm.startswith(words, position):
                return True
        return False

    @staticmethod
    def _quoted_head_follows(norm: str, end: int) -> bool:
        """三个“一号工程”, 两个“毫不动摇”: the quotation is the counted noun itself, so it names a
        slogan or programme (a quoted qualifier, 三个“专精特新”企业, leaves a count)."""
        closing = _CLOSING_QUOTES.get(norm[end:end + 1])
        if closing is None:
            return False
        close = norm.find(closing, end + 1, end + _LONGEST_QUOTED_NAME)
        return close > 0 and norm[close + 1:close + 2] in _BOUNDARY

    @staticmethod
    def _money_step_after(norm: str, end: int, rules: _Rules) -> bool:
        """再跨百亿台阶, 千亿新台阶: the steps of an economy's size are money."""
        if norm.startswith("新", end):
            end += 1
        return norm.startswith(rules.money_after, end)

    def _duration_ok(self, norm: str, candidate: _Candidate, rules: _Rules) -> bool:
        """Streaks are quantities (连续35年); time frames are not (过去5年, 五年来)."""
        before = _before_spaces(norm, candidate.start)
        if rules.streak.ending_at(norm, before):
            return True                                  # 连续35年, 连续 31 年
        if candidate.unit.requires == "streak" and "." not in candidate.run and "点" not in candidate.run:
            return False                                 # 2023年; but 11.2年 is no year
        if rules.timeframe_before.ending_at(norm, before) or \
                rules.timeframe_before.ending_at(norm, candidate.run_start):
            return False                                 # 过去5个月, 近3个月
        return not norm.startswith(rules.timeframe_after, candidate.end)

    def _scale_stated(self, norm: str, candidate: _Candidate, rules: _Rules) -> bool:
        """A bare magnitude (万亿, 百亿) is a value only in a scale statement: 过万亿, 再跨百亿台阶."""
        if candidate.prefix_approx or candidate.inside_approx:
            return True                                  # 近百家, 千余家
        if rules.scale.ending_at(norm, _before_spaces(norm, candidate.start)):
            return True
        return bool(rules.scale_after.starting_at(norm, candidate.end))

    @staticmethod
    def _discount(candidate: _Candidate) -> bool:
        """七五折 = 75 %, 9.9折 = 99 %, 2折 = 20 %, 1-2折 = 10-20 %; 十折 is not a discount."""
        values = [candidate.value] if candidate.upper is None else [candidate.value, candidate.upper]
        if all(0 < value < 10 for value in values):
            values = [value * 10 for value in values]
        elif not all(10 <= value < 100 and value == value.to_integral_value() for value in values) or \
                "十" in candidate.run:
            return False
        candidate.value = values[0]
        if candidate.upper is not None:
            candidate.upper = values[1]
        return True

    # -- ranks, shares, growth --------------------------------------------------

    def _ordinal_rank(self, norm: str, candidate: _Candidate, rules: _Rules) -> bool:
        """第3位, 居全国第一 → rank; 第一个, 第8.6代, 第一方阵 are not quantities."""
        ordinal_start = candidate.run_start - 1
        unit = candidate.unit
        if unit is not None and unit.unit in ("位", "名"):
            if norm.endswith(_PLACEMENT_BEFORE, 0, ordinal_start):
                return False                             # 放在第一位
        elif unit is None and candidate.upper is None:
            following = norm[candidate.end:candidate.end + 1]
            if following not in _BOUNDARY:
                return False
            if following == "、" and self._ordinals_of_a_noun(norm, candidate.end + 1, rules):
                return False                             # 第二、三产业
            if not rules.rank.search(_window(norm, ordinal_start, 12, _CLAUSE_STOPS)) and \
                    not self._continues_ranks(norm, ordinal_start, rules):
                return False                             # neither 居… nor 全省… before it, nor a rank of a list
            if self._counted_first(norm, ordinal_start, rules):
                return False                             # 创出多项全国第一: "firsts" counted
        else:
            return False
        candidate.start = ordinal_start
        candidate.unit_name, candidate.kind_hint = "位", "rank"
        candidate.unit = _Unit("位", "位", "rank")
        candidate.approx = candidate.suffix_approx or "exact"
        return True

    @staticmethod
    def _continues_ranks(norm: str, ordinal_start: int, rules: _Rules) -> bool:
        """位居全国投资潜力第3、绿色发展第5、科技创新第6: a list of ranks after one verb, each item with its own
        subject; 第N right after 、 is a rank when the items before it go back to a ranked one."""
        position = ordinal_start
        for _ in range(_LONGEST_RANK_LIST):
            comma = norm.rfind("、", max(0, position - _RANK_ITEM_MAX), position)
            if comma < 0 or any(stop in norm[comma + 1:position] for stop in _CLAUSE_STOPS):
                return False
            previous = _RANK_ITEM_END.search(norm, max(0, comma - 6), comma)
            if previous is None:
                return False
            position = previous.start()
            if rules.rank.search(_window(norm, position, 12, _CLAUSE_STOPS)):
                return True
        return False

    def _ordinals_of_a_noun(self, norm: str, position: int, rules: _Rules) -> bool:
        """第二、三产业, 第四、五、六届: ordinals chained before a noun (分列第一、二位 is a list of ranks)."""
        for _ in range(_LONGEST_ORDINAL_CHAIN):
            following = NUMERAL_RUN.match(norm, position)
            if following is None:
                return False
            position = following.end()
            if not norm.startswith("、", position):
                break
            position += 1
        return _is_cjk(norm[position:position + 1]) and self._unit_at(norm, position, rules) is None

    @staticmethod
    def _counted_first(norm: str, ordinal_start: int, rules: _Rules) -> bool:
        """多项全国第一, 无数个第一: a count before (the scope and) 第N makes it a noun."""
        before = ordinal_start
        if norm[before - 1:before] in _OPENING_QUOTES:
            before -= 1
        scope = rules.rank_scope.ending_at(norm, before)
        if scope:
            before -= len(scope[0])
        if norm[before - 1:before] in _OPENING_QUOTES:
            before -= 1
        return before > 0 and norm[before - 1] in _COUNTED_FIRST_MEASURES

    def _top_n(self, norm: str, candidate: _Candidate, rules: _Rules) -> bool:
        """前两位, 排名前十 → rank at_most."""
        top_start = candidate.run_start - 1
        unit = candidate.unit
        if unit is not None and unit.unit in ("位", "名"):
            pass
        elif unit is None and norm[candidate.end:candidate.end + 1] in _BOUNDARY | {"的"}:
            if not rules.rank.search(_window(norm, top_start, 12, _CLAUSE_STOPS)):
                return False
        else:
            return False
        candidate.start = top_start
        candidate.unit_name, candidate.kind_hint, candidate.approx = "位", "rank", "at_most"
        return True

    def _top_n_strong(self, norm: str, candidate: _Candidate, last_end: int, rules: _Rules) -> bool:
        """进入全国百强, 十强 → rank at_most; 百强区, 500强企业 are labels."""
        after = candidate.run_end + 1
        following = norm[after:after + 1]
        if following and _is_cjk(following) and not norm.startswith(("之列", "行列", "榜"), after):
            return False
        candidate.end = after
        candidate.unit_name, candidate.kind_hint, candidate.approx = "位", "rank", "at_most"
        if norm[candidate.start - 1:candidate.start] == "前" and candidate.start - 1 >= last_end:
            candidate.start -= 1                         # 前50强: the whole top-N
        return True

    def _doubling(self, norm: str, candidate: _Candidate) -> bool:
        """翻一番 → growth of 1 倍, 翻两番 → 3 倍."""
        times = candidate.value
        if times != times.to_integral_value() or not 0 < times <= 10:
            return False
        verb_start = candidate.run_start - (2 if norm.endswith("翻了", 0, candidate.run_start) else 1)
        candidate.start = verb_start
        candidate.end = candidate.run_end + 1
        candidate.value = Decimal(2) ** int(times) - 1
        candidate.unit_name, candidate.kind_hint = "倍", "growth"
        return True

    def _per_share(self, norm: str, candidate: _Candidate, rules: _Rules, per_start: int) -> bool:
        """每4辆…就有1辆, 每出口4辆汽车就有1辆, 每10个…中有3个 → one share in % over the phrase.

        The part must be counted in the whole's measure and be no larger than it.
        """
        whole_unit = candidate.unit
        if whole_unit is None or candidate.value == 0:
            return False
        clause = _window_after(norm, candidate.end, 24, _CLAUSE_STOPS)
        marker = _PER_PART.search(clause)
        if marker is None:
            return False
        second = NUMERAL_RUN.match(norm, candidate.end + marker.end())
        if not second:
            return False
        try:
            part, _ = read_run(second.group())
        except NumeralError:
            return False
        end = second.end()
        unit = self._unit_at(norm, end, rules)
        if unit is not None:
            if unit[0].unit != whole_unit.unit:
                return False
            end = unit[1]
        if not 0 < part <= candidate.value:
            return False
        candidate.start = per_start
        candidate.end = end
        candidate.value = part / candidate.value * 100
        candidate.unit_name, candidate.kind_hint = "%", "share"
        return True

    @staticmethod
    def _per_verb_start(norm: str, run_start: int, last_end: int) -> int:
        """Where 每 stands when a verb separates it from the number (每出口4辆), else -1."""
        per = norm.rfind("每", max(last_end, run_start - _PER_VERB_LONGEST - 1), run_start - 1)
        if per < 0:
            return -1
        verb = norm[per + 1:run_start]
        if verb[0] in _PER_MEASURES or not all(_is_cjk(char) and char not in _NUMERAL_CHARS for char in verb):
            return -1                                    # 每年新增10家, 每万人3.4人: no verb
        return per

    def _finish_share_word(self, norm: str, candidate: _Candidate, last_end: int, rules: _Rules) -> bool:
        self._attach_after_markers(norm, candidate, rules)
        self._attach_before_markers(norm, candidate, last_end, rules, magnitude_only=True)
        self._settle_approx(norm, candidate, rules)
        return True

    def _fraction(self, norm: str, start: int, end: int, numerator_start: int, last_end: int, rules: _Rules):
        """三分之一 → 33.3 % share; 百分之五 → 5 %; 千分之三 → 3 ‰."""
        minus = norm.startswith("负", numerator_start)
        numerator = NUMERAL_RUN.match(norm, numerator_start + minus)
        if not numerator:
            return [], end
        _, cut = self._read_with_trim(numerator.group())
        if not cut:
            return [], numerator.end()
        numerator_end = numerator.start() + cut             # 百分之七十百分位: the numerator is 七十
        if numerator_end < numerator.end() and norm[numerator_end] not in _UNIT_CHARS:
            return [], numerator.end()                      # 百分之二三十: too vague
        denominator = norm[start:end].replace(" ", "")
        numerator_text = norm[numerator.start():numerator_end].replace(" ", "")
        percent_word = denominator in ("百", "千", "万", "佰", "仟")
        if not percent_word and not (self._is_integer_numeral(denominator) and
                                     self._is_integer_numeral(numerator_text)):
            return [], numerator_end                     # 五百分之2.2 is no share
        try:
            reading = read_numeral(norm[start:numerator_end])
        except NumeralError:
            return [], numerator_end
        candidate = _Candidate(start, numerator_end, start, numerator_end, norm[start:numerator_end],
                               reading.value, unit_name=reading.unit)
        candidate.kind_hint = "share" if reading.share else None
        if reading.approx != "exact":
            candidate.inside_approx = reading.approx
        self._attach_after_markers(norm, candidate, rules)
        self._attach_sign(norm, candidate)
        self._attach_before_markers(norm, candidate, last_end, rules, magnitude_only=True)
        self._settle_approx(norm, candidate, rules)
        return [candidate], candidate.end

    @staticmethod
    def _is_integer_numeral(text: str) -> bool:
        if "." in text or "点" in text:
            return False
        try:
            value, approx = read_run(text)
        except NumeralError:
            return False
        return approx == "exact" and value == value.to_integral_value()

    def _slash_fraction(self, norm: str, start: int, end: int, last_end: int, rules: _Rules):
        """1/7 → 14.3 % share (small integers only: 2023/2024 and 1/5/2024 are not shares)."""
        second = _SLASH_DENOMINATOR.match(norm, end)
        numerator_text = norm[start:end]
        if not second or not numerator_text.isdigit() or (start and norm[start - 1] == "/"):
            return None
        numerator, denominator = int(numerator_text), int(second.group(1))
        if not 0 < numerator <= denominator <= 1000:
            return None
        value = Decimal(numerator) * 100 / Decimal(denominator)
        candidate = _Candidate(start, second.end(), start, second.end(), norm[start:second.end()], value,
                               unit_name="%", kind_hint="share")
        self._attach_after_markers(norm, candidate, rules)
        self._attach_before_markers(norm, candidate, last_end, rules, magnitude_only=True)
        self._settle_approx(norm, candidate, rules)
        return [candidate], candidate.end

    def _ratio(self, norm: str, start: int, end: int, last_end: int, rules: _Rules):
        """9.2:36.7:54.1 → three shares in %; 1:7.1217 → a conversion rate; 10:30 → nothing."""
        parts = [(start, end)]
        position = end
        while norm.startswith(":", position):
            following = _RATIO_PART.match(norm, position + 1)
            if not following:
                break
            parts.append(following.span())
            position = following.end()
        if len(parts) < 2:
            return [], end
        values = [Decimal(norm[a:b]) for a, b in parts]
        if len(parts) >= 3:
            candidates = []
            for (a, b), value in zip(parts, values):
                candidates.append(_Candidate(a, b, a, b, norm[a:b], value, unit_name="%", kind_hint="share"))
            return candidates, position
        second = norm[parts[1][0]:parts[1][1]]
        if values[0] == 1 and "." in second:
            return [_Candidate(start, position, start, position, norm[start:position], values[1],
                               unit_name="")], position
        return [], position

    # -- small tests on the text ------------------------------------------------

    def _is_stopword(self, norm: str, start: int, end: int) -> bool:
        index = self._rules.stopwords
        for position in ((start,) if end - start == 1 else (start, end - 1)):
            groups = index.get(norm[position])
            if not groups:
                continue
            following = norm[position + 1:position + 2]
            for offset, by_next, ending in groups:
                begin = position - offset
                if begin < 0:
                    continue
                words = by_next.get(following)
                if words and norm.startswith(words, begin) or ending and norm.startswith(ending, begin):
                    return True
        return False

    @staticmethod
    def _lone_capital(run: str) -> bool:
        return len(run) == 1 and run in _AMBIGUOUS_CAPITALS

    @staticmethod
    def _inside_code(norm: str, start: int, end: int, following: str) -> bool:
        """5G, C919, G20, PM2.5, 2222.2222.222: digits inside codes and versions."""
        preceding = norm[start - 1] if start else ""
        if preceding and (_is_ascii_letter(preceding) or preceding in "_#%&="):
            return True
        if preceding == "." and start >= 2 and norm[start - 2].isdigit():
            return True
        if following == "." and norm[end + 1:end + 2].isdigit():
            return True
        return False

    @staticmethod
    def _digit_sequence(compact: str) -> bool:
        """二〇二三, 一二三四: Chinese digits read one by one."""
        return _DIGIT_SEQUENCE.fullmatch(compact) is not None

    @staticmethod
    def _magnitude_only(run: str) -> bool:
        """百亿, 万亿, 千万: a magnitude word with no digit of its own (十万 has one: 十)."""
        return run[0] in _MAGNITUDE_START and _MAGNITUDE_OR_SPACE.issuperset(run)


_POINTS = "百分点"
_RESPECTIVELY = "分别"
# 分别高于全国、全省1.2、0.5个百分点 / 1个、0.2个百分点 / 分别完成1281.9、63.9和1218万美元: a number of a list
# whose unit (and multiplier) the last member states
_LIST_MEMBER = re.compile(r"(?<![\d.A-Za-z%])(\d{1,7}(?:\.\d+)?)(个)?\s*[、和及与]\s*$")
_LEADING_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_RESPECTIVELY_REACH = 24        # 分别 at most this far before a list's first member
_LONGEST_LIST = 6               # bare members read before a list's last one
_CLAUSE_MARKS = "，,。；;：:！？!?\n"


def _with_shared_units(norm: str, text: str, found: list) -> list:
    """``found`` with the bare members of a list that its last member's unit covers: percentage points
    anywhere (分别高于全国、全省1.2、0.5个百分点; a 1个 found as a count before 、0.2个百分点 is 1 point),
    other units after 分别 (分别完成1281.9、63.9和1218万美元 → 1281.9万美元 too).  Runs only for texts holding
    百分点 or 分别."""
    result: list = []
    for quantity in found:
        leading = _LEADING_NUMBER.match(quantity.text) if quantity.unit else None
        if leading is not None and norm[quantity.start:quantity.start + 1].isdigit():
            points = quantity.unit == _POINTS
            number = float(leading.group())
            factor = quantity.value / number if number else 0.0
            members: list = []
            start = quantity.start
            for _ in range(_LONGEST_LIST):
                member = _LIST_MEMBER.search(norm, max(0, start - 14), start)
                if member is None or (member.group(2) and not points):
                    break
                member_start, member_end = member.start(1), member.end(2) if member.group(2) else member.end(1)
                previous = result[-1] if result else None
                if previous is not None and previous.end > member_start:
                    if not points or (previous.start, previous.end, previous.unit) != (member_start, member_end, "个"):
                        break
                    result.pop()             # 1个、0.2个百分点: the count was a point
                members.append(_new_quantity(Quantity, (
                    member_start, member_end, text[member_start:member_end], float(member.group(1)) * factor,
                    quantity.unit, "exact", None, None)))
                start = member_start
            if members and not points and not _respectively_before(norm, start):
                members = []
            result.extend(reversed(members))
        result.append(quantity)
    return result


def _respectively_before(norm: str, start: int) -> bool:
    """分别 in the clause, right before the list that starts at ``start``."""
    found = norm.rfind(_RESPECTIVELY, max(0, start - _RESPECTIVELY_REACH), start)
    return found >= 0 and not any(mark in norm[found:start] for mark in _CLAUSE_MARKS)


def _before_spaces(norm: str, position: int) -> int:
    """``position`` moved back over the spaces (at most four) that end there."""
    probe = position
    while probe and norm[probe - 1] == " " and position - probe < 4:
        probe -= 1
    return probe


def _is_sign_position(norm: str, minus: int) -> bool:
    """A hyphen is a minus sign unless it joins two things (1-10月, 5%-6%, ARJ21-700)."""
    if minus == 0:
        return True
    before = norm[minus - 1]
    if before.isascii() and (before.isalnum() or before in "%)]-"):
        return False
    if before in _NUMERAL_CHARS or before in "%‰）":
        return False
    return True


def _url_mask(norm: str) -> bytearray | None:
    """1 at every character of a URL (numbers there are no quantities); None without URLs."""
    if "://" not in norm and "www." not in norm:
        return None
    mask = bytearray(len(norm))
    # str.find jumps to each possible start far faster than a regex scan of the text; a URL
    # found again from inside another (www. in http://www.) marks the same characters.
    for prefix in ("http", "www."):
        position = norm.find(prefix)
        while position >= 0:
            match = _URL.match(norm, position)
            if match is None:
                position = norm.find(prefix, position + 1)
                continue
            mask[match.start():match.end()] = b"\x01" * (match.end() - match.start())
            position = norm.find(prefix, match.end())
    return mask




def _followed_by(norm: str, position: int, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` follows, directly or after 的."""
    if norm.startswith(words, position):
        return True
    return norm.startswith("的", position) and norm.startswith(words, position + 1)


def _trailing_multiplier(run: str) -> Decimal:
    factor = Decimal(1)
    for char in reversed(run.replace(" ", "")):
        if char == "万":
            factor *= 10000
        elif char == "亿":
            factor *= 100000000
        else:
            break
    return factor


@lru_cache(maxsize=1)
def _default_records() -> Mapping[str, tuple[Mapping, ...]]:
    """The shipped rule records, read once (immutable)."""
    data = resources.files("policyie.quantities") / "data"
    records = {}
    for name in ("units", "markers", "exclusions", "multipliers"):
        with (data / f"{name}.jsonl").open(encoding="utf-8") as handle:
            records[name] = tuple(
                MappingProxyType(json.loads(line)) for line in handle if line.strip()
            )
    return MappingProxyType(records)
