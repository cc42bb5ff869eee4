"""Everything the tagger can find in one scan: place names with their senses, plus the words that
veto or qualify a place name (blockers, junction words, proper-name heads).

Built from the division table and the data files in ``data/``; user rule packs add records of
the same format through :meth:`RegionLexicon.add_records`.  One :class:`LexiconMatcher` over all
of it finds every occurrence of every string in one left-to-right pass.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from policyie.matching import LexiconMatcher

from .names import banner_stem, short_forms
from .table import COUNTRY_CODE, COUNTRY_NAME, DATA_DIR, DivisionTable

COUNTRY_WORDS = ("全国", "我国", "中国", "中华人民共和国")
DATA_FILES = ("former_names.jsonl", "zones.jsonl", "groups.jsonl", "rules.jsonl", "words.jsonl", "idioms.jsonl")
RECORD_TYPES = ("alias", "former", "zone", "group", "ordinary", "junction", "block", "proper_head")


@dataclass(frozen=True, slots=True)
class Sense:
    """One thing a written name can stand for."""

    code: str | None
    name: str
    level: str                      # country/province/prefecture/county/zone/group
    form: str                       # full / short / alias / former
    members: tuple[str, ...] = ()
    parent: str | None = None
    needs_cue: bool = False         # direction groups: 东部 only with 地区, 大开发 …
    shadowed: bool = False          # a former name that is also some current unit's name
    default: bool = False           # a rule pack's choice when the context does not decide


@dataclass(slots=True)
class Entry:
    """What one string is: senses as a place, and/or a role in vetoing other matches."""

    senses: list[Sense] = field(default_factory=list)
    ordinary: bool = False          # also an everyday word (新兴, 东方): needs a cue
    block: str | None = None        # reason: inside this phrase no place is named
    junction: bool = False          # ordinary word that may straddle a name's edge
    head: tuple[str, int] | None = None   # (kind, gap) of a proper-name head such as 大学


PLACE_LEVELS = ("province", "prefecture", "county")


@dataclass(frozen=True, slots=True)
class Surface:
    """What the scan hands over for one string: an Entry's facts, and everything the tagger asks
    of a candidate that does not depend on the text around it, computed once per lexicon (the
    tagger then reads a field where it would loop over the senses of every candidate)."""

    text: str
    senses: tuple[Sense, ...]
    ordinary: bool
    block: bool
    weak: bool          # county short names and everyday words: easy to find by accident
    short: bool         # written without its type word (广东, 沈阳): can straddle a word's edge
    all_full: bool      # every sense written in full (北京市): its type character may glue on (市|场)
    province: bool      # a province among its senses: no place feature makes it smaller (海南岛 is blocked)
    large: bool         # a province or a prefecture among its senses (中国|上海市 is no title)
    division: bool      # not an everyday word, and a province, prefecture or county
    zone_start: bool    # a division that a zone type may follow (合肥|经开区)
    old_type: bool      # only counties' short names: 黄骅|县 takes the old type word
    needs_cue: bool     # a direction group (东部, 西部)
    group: bool         # a group among its senses: never starts a proper name
    straddles: bool     # checked for words across its edges in character mode
    codes: tuple[str, ...]          # the distinct codes of its senses
    vote: tuple[str, ...]           # its one unit and the units above it (not the country), if it names one
    fixed: Sense | None             # the sense to use when there is nothing to decide

    @classmethod
    def of(cls, text: str, entry: Entry, table: DivisionTable | None = None) -> "Surface":
        senses = tuple(entry.senses)
        levels = {s.level for s in senses}
        weak = bool(senses) and (entry.ordinary or all(
            s.form in ("short", "former") and s.level == "county" for s in senses))
        short = any(s.form != "full" for s in senses) and all(
            s.form != "full" or s.level in ("zone", "group") for s in senses)
        short_group = len(text) == 2 and bool(senses) and all(s.level == "group" and not s.needs_cue for s in senses)
        codes = tuple(dict.fromkeys(s.code for s in senses if s.code))
        place_codes = tuple(dict.fromkeys(s.code for s in senses if s.code and s.level not in ("group", "country")))
        vote = ()
        if len(place_codes) == 1 and table is not None:
            vote = tuple(c for c in (place_codes[0], *table.ancestors(place_codes[0])) if c != COUNTRY_CODE)
        trivial = not codes or len(codes) == 1 or all(s.level in ("zone", "group") for s in senses)
        return cls(text, senses, entry.ordinary, bool(entry.block), weak, short,
                   all_full=all(s.form == "full" for s in senses),
                   province="province" in levels,
                   large=bool(levels & {"province", "prefecture"}),
                   division=not entry.ordinary and bool(levels & set(PLACE_LEVELS)),
                   zone_start=bool(levels & set(PLACE_LEVELS)) and levels != {"zone"},
                   old_type=bool(senses) and all(s.form == "short" and s.level == "county" for s in senses),
                   needs_cue=any(s.needs_cue for s in senses),
                   group="group" in levels,
                   straddles=short or short_group,
                   codes=codes, vote=vote,
                   fixed=preferred_sense(senses, codes[:1] or (None,)) if trivial and senses else None)

    @classmethod
    def pattern(cls, text: str, sense: Sense) -> "Surface":
        """The surface of a name read from a pattern (南京都市圈, 新站高新区), not from the lexicon."""
        return cls.of(text, Entry([sense]))


def preferred_sense(senses: tuple[Sense, ...], codes) -> Sense:
    """Among the senses with the chosen code, a zone sense first (浦东新区 is a new area), then
    current names before former ones."""
    matching = [s for s in senses if s.code == codes[0]] or senses
    return min(matching, key=lambda s: (s.level != "zone", s.form == "former"))


class RuleError(ValueError):
    """A rule record that cannot be used."""


class RegionLexicon:
    """Strings → :class:`Entry`, and the matcher over them (rebuilt lazily after changes)."""

    # look-up tables built with the matcher (see ``matcher``)
    _DERIVED = ("junction_words", "junction_pairs", "heads", "head_lengths", "head_prefixes", "head_start")

    def __init__(self, table: DivisionTable):
        self.table = table
        self.entries: dict[str, Entry] = {}
        self.zone_names: dict[str, Sense] = {}   # canonical zone names and their variants
        self._matcher: LexiconMatcher[Entry] | None = None
        self.province_prefixes = _province_prefixes(table)
        self._add_divisions()
        self._add_country()

    @classmethod
    def from_data(cls, table: DivisionTable, data_dir: Path = DATA_DIR) -> "RegionLexicon":
        lexicon = cls(table)
        for name in DATA_FILES:
            path = data_dir / name
            with open(path, encoding="utf-8") as handle:
                lexicon.add_records(json.loads(line) for line in handle if line.strip())
        return lexicon

    def copy(self) -> "RegionLexicon":
        """An independent lexicon with the same content (rule packs then change only the copy)."""
        other = object.__new__(RegionLexicon)
        other.table = self.table
        other.entries = {text: Entry(list(e.senses), e.ordinary, e.block, e.junction, e.head)
                         for text, e in self.entries.items()}
        other.zone_names = dict(self.zone_names)
        other.province_prefixes = self.province_prefixes
        other._matcher = self._matcher   # same content; rebuilt on the first change
        for name in self._DERIVED:        # and the look-up tables built with it
            if name in self.__dict__:
                setattr(other, name, getattr(self, name))
        return other

    # -- building -----------------------------------------------------------
    def entry(self, text: str) -> Entry:
        self._matcher = None
        return self.entries.setdefault(text, Entry())

    def add_sense(self, text: str, sense: Sense) -> None:
        if len(text) < 2:
            return
        senses = self.entry(text).senses
        if sense not in senses:
            senses.append(sense)

    def _add_divisions(self) -> None:
        banners: dict[str, list[Sense]] = {}
        for division in self.table:
            if division.level == "country":
                continue
            sense = Sense(division.code, division.name, division.level, "full", parent=division.parent)
            self.add_sense(division.name, sense)
            for index, form in enumerate(short_forms(division.name, division.level)):
                # 延边州 keeps a type word, so it is as safe as the full name
                self.add_sense(form, replace(sense, form="full" if index else "short"))
            stem = banner_stem(division.name) if division.level == "county" else None
            if stem:
                banners.setdefault(stem, []).append(replace(sense, form="short"))
        for stem, senses in banners.items():
            if not (stem in self.entries and self.entries[stem].senses):   # 科尔沁 is 科尔沁区
                for sense in senses:
                    self.add_sense(stem, sense)

    def _add_country(self) -> None:
        for word in COUNTRY_WORDS:
            self.add_sense(word, Sense(COUNTRY_CODE, COUNTRY_NAME, "country", "full"))

    def add_records(self, records: Iterable[dict]) -> None:
        for record in records:
            kind = record.get("type")
            if kind not in RECORD_TYPES:
                raise RuleError(f"unknown region rule type {kind!r} (expected one of {', '.join(RECORD_TYPES)})")
            getattr(self, f"_add_{kind}")(record)

    def _division_sense(self, record: dict, key: str = "code") -> Sense:
        division = self.table.get(record.get(key))
        if division is None:
            raise RuleError(f"{record.get(key)!r} is not a code in divisions.csv: {record}")
        return Sense(division.code, division.name, division.level, "alias", parent=division.parent)

    def _add_alias(self, record: dict) -> None:
        """Another name of a division; ``"default": true`` makes it the reading of an ambiguous
        name when the context does not decide (like cpca's umap: 朝阳区 → 110105)."""
        sense = self._division_sense(record)
        if record.get("default"):
            sense = replace(sense, form="full", default=True)
        self.add_sense(record["text"], sense)

    def _add_former(self, record: dict) -> None:
        sense = replace(self._division_sense(record), form="former", shadowed=bool(record.get("shadowed")))
        self.add_sense(record["alias"], sense)

    def _add_zone(self, record: dict) -> None:
        parent = record.get("parent")
        if parent is not None and parent not in self.table:
            raise RuleError(f"zone {record.get('name')!r}: parent {parent!r} is not in divisions.csv")
        sense = Sense(record.get("code"), record["name"], "zone", "full", parent=parent)
        for text in zone_spellings(record["name"], record.get("aliases", ()), self.province_prefixes):
            self.add_sense(text, sense)
            self.zone_names.setdefault(text, sense)

    def _add_group(self, record: dict) -> None:
        members = tuple(record.get("members", ()))
        unknown = [m for m in members if m not in self.table]
        if unknown:
            raise RuleError(f"group {record.get('name')!r}: unknown member codes {unknown}")
        sense = Sense(None, record["name"], "group", "full", members=members,
                      needs_cue=bool(record.get("needs_cue")))
        for text in (record["name"], *record.get("aliases", ())):
            self.add_sense(text, sense)

    def _add_ordinary(self, record: dict) -> None:
        if len(record["text"]) >= 2:
            self.entry(record["text"]).ordinary = True

    def _add_junction(self, record: dict) -> None:
        for word in record["words"]:
            if len(word) >= 2:
                self.entry(word).junction = True

    def _add_block(self, record: dict) -> None:
        self.entry(record["text"]).block = record.get("reason", "block")

    def _add_proper_head(self, record: dict) -> None:
        if record["text"]:   # heads are looked up, not scanned for, so one character is fine (站)
            self.entry(record["text"]).head = (record.get("kind", "proper"), int(record.get("gap", 6)))

    # -- using ----------------------------------------------------------------
    @property
    def matcher(self) -> LexiconMatcher[Entry]:
        """Places and blocking phrases only: junction words and heads are looked up around the
        few candidates (a set lookup each), which keeps the scan itself fast.  Building it also
        builds those look-up tables."""
        if self._matcher is None:
            self._matcher = LexiconMatcher((text, Surface.of(text, entry, self.table))
                                           for text, entry in self.entries.items()
                                           if (entry.senses or entry.block) and len(text) >= 2)
            self.junction_words = frozenset(t for t, e in self.entries.items() if e.junction)
            # the two characters on either side of an edge that a junction word runs across
            self.junction_pairs = frozenset(word[i:i + 2] for word in self.junction_words
                                            for i in range(len(word) - 1))
            self.heads = {t: e.head for t, e in self.entries.items() if e.head}
            self.head_lengths = sorted({len(t) for t in self.heads}, reverse=True)
            self.head_prefixes = frozenset(t[:2] for t in self.heads)
            self.head_start = _head_start(self.heads)
        return self._matcher


# Characters that end the proper name a place may start (北京|大学 goes on, 北京的大学 does not).
NAME_BREAKS = frozenset("，。、；：！？,.;:!?（）()《》“”\"'‘’ \n\t的和与及或在是为将等了对向从到把被由并有")
MAX_NAME_GAP = 10   # characters between a place and the head of the proper name it starts
NAME_BREAK = re.compile(r"[%s\d]" % re.escape("".join(sorted(NAME_BREAKS))))


def _head_start(heads) -> re.Pattern:
    """Where a head may start: its first character, followed by a second one of some head
    (each checked alone; a one-character head, which a rule pack may add, needs the first only)."""
    if not heads:
        return re.compile(r"(?!)")
    firsts = _char_class(head[0] for head in heads)
    if any(len(head) == 1 for head in heads):
        return re.compile(firsts)
    return re.compile(firsts + "(?=" + _char_class(head[1] for head in heads) + ")")


def _char_class(chars) -> str:
    return "[%s]" % re.escape("".join(sorted(set(chars))))


def zone_spellings(name: str, aliases: Iterable[str], province_prefixes: list[str]) -> list[str]:
    """A zone's name as texts write it: also without the province (河北唐山… → 唐山…), without
    市 after the city (秦皇岛市经济… → 秦皇岛经济…), and with ASCII brackets."""
    spellings = [name, *aliases]
    for text in list(spellings):
        for prefix in province_prefixes:
            rest = text[len(prefix):]
            if text.startswith(prefix) and len(rest) >= 4 and _has_own_name(rest):
                spellings.append(rest)
    for text in list(spellings):
        city_end = text.find("市")
        if 2 <= city_end <= 4 and len(text) - city_end > 3:
            spellings.append(text[:city_end] + text[city_end + 1:])
        if "（" in text:
            spellings.append(text.replace("（", "(").replace("）", ")"))
    return list(dict.fromkeys(spellings))


# The type words of zones: what is left of a zone's name without them is its own name.
ZONE_HEADS = tuple(sorted((
    "高新技术产业开发区", "高新技术产业园区", "高新技术开发区", "经济技术开发区", "自由贸易试验区", "综合保税区",
    "经济开发区", "出口加工区", "自由贸易港", "自贸试验区", "保税港区", "工业园区", "高新区", "经开区", "综保区",
    "自贸区", "自贸港", "保税区", "开发区", "新区", "示范区", "合作区", "试验区", "园区", "片区"), key=len, reverse=True))


def _has_own_name(spelling: str) -> bool:
    """吉林经济开发区 without its province is 经济开发区, the type of every such zone, and
    上海自由贸易试验区 is 自由贸易试验区: a spelling must keep two characters of a name before its type."""
    for head in ZONE_HEADS:
        if spelling.endswith(head):
            return len(spelling) - len(head) >= 2
    return True


def _province_prefixes(table: DivisionTable) -> list[str]:
    prefixes = []
    for division in table:
        if division.level == "province":
            prefixes += [division.name, *short_forms(division.name, "province")]
    return prefixes
