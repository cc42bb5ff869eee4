"""The industry data: lexicon, non-terms, context word lists and taxonomy, loaded and validated.

Everything the tagger knows lives in ``data/`` as JSON, so that a user rule
pack can extend it with records of the same format:

``lexicon.jsonl``
    one canonical term a line (the fields of :class:`Term`).
``nonterms.json``
    strings that are not terms (broad sector words, tier names, ownership
    forms, proper names that contain term words, accidental look-alikes).
``grammar.json``
    the word lists of the boundary, coordination, exclusion and discovery
    rules.
``taxonomy.json``
    the three official lists (and their sources) that sectors, categories and
    tiers come from.

An invalid lexicon record raises :class:`LexiconError` naming the file, the
line and the field.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, get_args

from policyie.records import Sector, Tier

DATA_DIR = Path(__file__).parent / "data"
LEXICON_PATH = DATA_DIR / "lexicon.jsonl"
NONTERMS_PATH = DATA_DIR / "nonterms.json"
GRAMMAR_PATH = DATA_DIR / "grammar.json"
TAXONOMY_PATH = DATA_DIR / "taxonomy.json"

SECTORS: tuple[str, ...] = get_args(Sector)
TIERS: tuple[str, ...] = get_args(Tier)
REQUIRED_FIELDS = ("name", "aliases", "sector", "category", "tiers", "source")
OPTIONAL_FIELDS = ("since", "needs_head", "goods", "heads", "needs_head_aliases")


class LexiconError(ValueError):
    """An invalid term record, located by file (``source``), line and field."""

    def __init__(self, message: str, *, source: str = "<records>", line: Optional[int] = None,
                 field: Optional[str] = None):
        where = source + (f":{line}" if line is not None else "")
        super().__init__(f"{where}:{f' field {field!r}:' if field else ''} {message}")
        self.message, self.source, self.line, self.field = message, source, line, field


@dataclass(frozen=True, slots=True)
class Term:
    """One canonical industry term and the strings that name it.

    ``needs_head``: the word is ambiguous alone (数据, 文化, 医药, single
    characters such as 铝) and is only an industry before a generic head
    (数据产业, 铝加工 aside) or inside a coordination (铝及铝加工).
    ``goods``: the word also names tradeable goods, which SPEC section 4 does
    not tag in export, import and trade-in contexts (汽车以旧换新).
    ``heads``: words of this term's own domain that, following it, make a
    word needing a head an industry besides the generic heads (风光 before
    大省, 资源, 装机: wind and solar power; 风光 alone is scenery).
    ``needs_head_aliases``: aliases that, unlike the name, are ambiguous alone
    and behave as if ``needs_head`` were set for them only (量子 for 量子科技:
    量子、生命科学 and 量子产业 are the industry, 量子力学 is physics).
    ``origin``: ``lexicon`` for the shipped data, ``rule_pack`` for user records.
    """

    name: str
    aliases: tuple[str, ...]
    sector: str
    category: Optional[str]
    tiers: tuple[str, ...]
    source: str
    since: Optional[int] = None
    needs_head: bool = False
    goods: bool = False
    heads: tuple[str, ...] = ()
    needs_head_aliases: tuple[str, ...] = ()
    origin: str = "lexicon"

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Every string that names this term: the canonical name first."""
        return (self.name, *self.aliases)


# -- validation -------------------------------------------------------------

def parse_term(record: Any, *, source: str = "<records>", line: Optional[int] = None,
               origin: str = "lexicon", categories: Optional[frozenset[str]] = None) -> Term:
    """A :class:`Term` from one record of the lexicon format, or a :class:`LexiconError`."""

    def fail(message: str, field: Optional[str] = None) -> LexiconError:
        return LexiconError(message, source=source, line=line, field=field)

    if not isinstance(record, Mapping):
        raise fail("a term record must be a JSON object")
    for field in REQUIRED_FIELDS:
        if field not in record:
            raise fail("missing", field)
    unknown = sorted(set(record) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
    if unknown:
        raise fail(f"unknown field (known: {', '.join(REQUIRED_FIELDS + OPTIONAL_FIELDS)})", unknown[0])

    name = _nonempty_text(record["name"], fail, "name")
    aliases = record["aliases"]
    if not isinstance(aliases, list):
        raise fail("must be a list of strings", "aliases")
    aliases = tuple(_nonempty_text(alias, fail, "aliases") for alias in aliases)
    if name in aliases or len(set(aliases)) != len(aliases):
        raise fail("repeats a string", "aliases")
    if any(len(alias) < 2 for alias in aliases):
        raise fail("aliases need at least two characters", "aliases")

    sector = record["sector"]
    if sector not in SECTORS:
        raise fail(f"must be one of {', '.join(SECTORS)}, not {sector!r}", "sector")
    category = record["category"]
    if category is not None:
        category = _nonempty_text(category, fail, "category")
        known = known_categories() if categories is None else categories
        if category not in known:
            raise fail(f"unknown category {category!r} (see taxonomy.json)", "category")

    tiers = record["tiers"]
    if not isinstance(tiers, list) or not tiers or any(tier not in TIERS for tier in tiers):
        raise fail(f"must be a non-empty list of {', '.join(TIERS)}", "tiers")
    if len(set(tiers)) != len(tiers):
        raise fail("repeats a tier", "tiers")

    term_source = _nonempty_text(record["source"], fail, "source")
    since = record.get("since")
    if since is not None and (not isinstance(since, int) or isinstance(since, bool)
                              or not 1949 <= since <= 2100):
        raise fail("must be a year (an integer)", "since")
    flags = {}
    for field in ("needs_head", "goods"):
        value = record.get(field, False)
        if not isinstance(value, bool):
            raise fail("must be true or false", field)
        flags[field] = value
    heads = record.get("heads", [])
    if not isinstance(heads, list):
        raise fail("must be a list of strings", "heads")
    heads = tuple(_nonempty_text(head, fail, "heads") for head in heads)
    bare = record.get("needs_head_aliases", [])
    if not isinstance(bare, list) or any(alias not in aliases for alias in bare):
        raise fail("must be a list of the term's aliases", "needs_head_aliases")
    # One-character names are ambiguous alone: they always need a head or a coordination.
    needs_head = flags["needs_head"] or len(name) == 1
    return Term(name=name, aliases=aliases, sector=sector, category=category, tiers=tuple(tiers),
                source=term_source, since=since, needs_head=needs_head, goods=flags["goods"],
                heads=heads, needs_head_aliases=tuple(bare), origin=origin)


def _nonempty_text(value: Any, fail, field: str) -> str:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise fail("must be a non-empty string without surrounding spaces", field)
    return value


def parse_terms(records: Iterable[Any], *, source: str = "<records>", origin: str = "rule_pack",
                first_line: Optional[int] = None) -> tuple[Term, ...]:
    """Validate several records; a string that names two different terms is an error."""
    terms, owner = [], {}
    for index, record in enumerate(records):
        line = None if first_line is None else first_line + index
        term = parse_term(record, source=source, line=line, origin=origin)
        for surface in term.surfaces:
            if owner.get(surface, term.name) != term.name:
                raise LexiconError(f"{surface!r} already names {owner[surface]!r}", source=source,
                                   line=line, field="aliases" if surface != term.name else "name")
            owner[surface] = term.name
        terms.append(term)
    return tuple(terms)


def read_lexicon(path: Path | str = LEXICON_PATH, *, origin: str = "lexicon") -> tuple[Term, ...]:
    """All terms of a JSONL lexicon file (blank lines and ``#`` comments skipped)."""
    path = Path(path)
    terms, owner = [], {}
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = text.strip()
        if not text or text.startswith("#"):
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            raise LexiconError(f"not JSON: {error.msg}", source=str(path), line=number) from None
        term = parse_term(record, source=str(path), line=number, origin=origin)
        for surface in term.surfaces:
            if surface in owner:
                raise LexiconError(f"{surface!r} already names {owner[surface]!r}", source=str(path),
                                   line=number, field="aliases" if surface != term.name else "name")
            owner[surface] = term.name
        terms.append(term)
    return tuple(terms)


# -- the other data files ---------------------------------------------------

def read_json(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def known_categories() -> frozenset[str]:
    """Second-level categories of the 2018 list, the future directions and the digital top categories."""
    taxonomy = read_json(TAXONOMY_PATH)
    names = {sub["name"] for top in taxonomy["strategic_emerging"]["categories"] for sub in top["subcategories"]}
    names |= {direction["name"] for direction in taxonomy["future"]["directions"]}
    names |= {top["name"] for top in taxonomy["digital"]["categories"]}
    return frozenset(names)


def source_ids() -> frozenset[str]:
    """The ids of the lists named in taxonomy.json (the ``source`` of shipped terms)."""
    return frozenset(read_json(TAXONOMY_PATH)["sources"])


def read_nonterms(path: Path | str = NONTERMS_PATH) -> tuple[str, ...]:
    """Every non-term string, from all lists of nonterms.json (keys starting with ``_`` are notes)."""
    data = read_json(Path(path))
    words = []
    for key, values in data.items():
        if key.startswith("_"):
            continue
        if not isinstance(values, list) or not all(isinstance(v, str) and len(v) >= 2 for v in values):
            raise LexiconError("must be a list of strings of two or more characters", source=str(path), field=key)
        words.extend(values)
    return tuple(dict.fromkeys(words))


def read_grammar(path: Path | str = GRAMMAR_PATH) -> dict:
    """The context word lists (see docs/industries.md)."""
    return read_json(Path(path))
