"""Rule packs: users' own terms, regions and indicator rules, without editing the library.

A rule pack is a JSON Lines file (the format is documented in docs/extending.md).
Every line is one record with a ``dimension`` field and the fields of that
dimension's data files — the library's own data is the first rule pack:

``regions``     aliases, zones, groups, blocking phrases …  (``"type": "alias"`` …)
``industries``  industry terms, in the format of ``industries/data/lexicon.jsonl``
``quantities``  units, approximation markers, cue words, exclusions (``"type": "unit"`` …)
``indicators``  cue words of the indicator rules (``{"cue": "target", "text": "争取"}``)
``metrics``     metric names (``{"text": "研发经费投入强度"}``), see :mod:`policyie.metrics`

Packs come from files, from records in memory, and from installed Python
packages that declare an entry point in the ``policyie.rules`` group.  Every
record of every pack is checked before any is applied, so an invalid pack
raises :class:`RuleError` (naming the file, line and field) and leaves the
pipeline as it was.
"""
from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Optional, Union

from spacy.language import Language

DIMENSION_COMPONENTS = {
    "regions": "policyie_regions",
    "industries": "policyie_industries",
    "quantities": "policyie_quantities",
    "indicators": "policyie_indicators",
    "metrics": "policyie_metrics",
}
ENTRY_POINT_GROUP = "policyie.rules"
RuleSource = Union[str, "os.PathLike[str]", Mapping]


class RuleError(ValueError):
    """An invalid rule record, located by file, line and field."""

    def __init__(self, message: str, *, source: str = "<rules>", line: int | None = None,
                 field: str | None = None):
        where = source + (f":{line}" if line is not None else "")
        what = f" field {field!r}:" if field else ""
        super().__init__(f"{where}:{what} {message}")
        self.source, self.line, self.field, self.message = source, line, field, message


@dataclass(frozen=True)
class Rule:
    """One record of a pack, with where it came from."""

    dimension: str
    record: dict          # the record without its ``dimension`` field
    source: str
    line: Optional[int]


# -- reading ------------------------------------------------------------------

def read_rule_file(path: Union[str, Path]) -> list[tuple[int, dict]]:
    """(line number, record) pairs of a JSONL rule pack; blank lines and # comments skipped."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as error:
        raise RuleError(f"cannot read rule pack: {error.strerror}", source=str(path)) from None
    except UnicodeDecodeError:
        raise RuleError("cannot read rule pack: not UTF-8 text", source=str(path)) from None
    records = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise RuleError(f"not JSON: {error.msg}", source=str(path), line=number) from None
        if not isinstance(record, dict):
            raise RuleError("a rule must be a JSON object", source=str(path), line=number)
        records.append((number, record))
    return records


def group_by_dimension(records: Iterable[tuple[Optional[int], dict]],
                       source: str) -> dict[str, list[tuple[Optional[int], dict]]]:
    """Records grouped by their ``dimension`` (which is dropped), in file order."""
    groups: dict[str, list[tuple[Optional[int], dict]]] = defaultdict(list)
    for number, record in records:
        rule = _as_rule(record, source, number)
        groups[rule.dimension].append((number, rule.record))
    return groups


def _as_rule(record: Any, source: str, line: Optional[int]) -> Rule:
    if not isinstance(record, Mapping):
        raise RuleError("a rule must be a JSON object", source=source, line=line)
    dimension = record.get("dimension")
    if dimension not in DIMENSION_COMPONENTS:
        raise RuleError(f"must be one of {', '.join(DIMENSION_COMPONENTS)}, not {dimension!r}",
                        source=source, line=line, field="dimension")
    return Rule(dimension, {k: v for k, v in record.items() if k != "dimension"}, source, line)


def rules_of(pack: Any, source: Optional[str] = None) -> list[Rule]:
    """The rules of one pack: a file path, one record (a mapping), a list of records,
    or a callable returning any of these (what installed entry points point at)."""
    if isinstance(pack, Mapping):
        return [_as_rule(pack, source or "<record>", None)]
    if isinstance(pack, (str, os.PathLike)):
        path = str(pack)
        return [_as_rule(record, path, line) for line, record in read_rule_file(path)]
    if hasattr(pack, "read_text") and hasattr(pack, "is_file"):   # importlib.resources file
        with resources.as_file(pack) as path:
            return [_as_rule(record, source or str(pack), line) for line, record in read_rule_file(path)]
    if callable(pack):
        return rules_of(pack(), source)
    if isinstance(pack, Iterable):
        source = source or "<records>"
        return [_as_rule(record, source, index) for index, record in enumerate(pack, 1)]
    raise RuleError(f"a rule pack is a file path, a record or a list of records, not {type(pack).__name__}",
                    source=source or "<rules>")


# -- checking -------------------------------------------------------------------

def check_rule(dimension: str, record: Mapping, *, source: str = "<rules>", line: Optional[int] = None) -> None:
    """Raise :class:`RuleError` (with file, line and field) unless ``record`` is a valid
    rule of ``dimension``.  The engines check again; this check exists so that every
    error names its field and nothing is applied from a pack with a bad record."""
    if not isinstance(record, Mapping):
        raise RuleError("a rule must be a JSON object", source=source, line=line)
    checker = _CHECKERS.get(dimension)
    if checker is None:
        raise RuleError(f"must be one of {', '.join(DIMENSION_COMPONENTS)}, not {dimension!r}",
                        source=source, line=line, field="dimension")

    def fail(message: str, field: Optional[str] = None) -> RuleError:
        return RuleError(message, source=source, line=line, field=field)

    checker(record, fail)


Fail = Callable[..., RuleError]


def _text(record: Mapping, field: str, fail: Fail, *, optional: bool = False) -> None:
    if field not in record:
        if optional:
            return
        raise fail("missing", field)
    value = record[field]
    if not isinstance(value, str) or not value.strip():
        raise fail("must be a non-empty string", field)


def _text_list(record: Mapping, field: str, fail: Fail, *, optional: bool = True) -> None:
    if field not in record:
        if optional:
            return
        raise fail("missing", field)
    value = record[field]
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise fail("must be a list of non-empty strings", field)


def _one_of(record: Mapping, field: str, allowed: Iterable[str], fail: Fail, *, optional: bool = False) -> None:
    allowed = tuple(allowed)
    if field not in record:
        if optional:
            return
        raise fail(f"missing (one of {', '.join(allowed)})", field)
    if record[field] not in allowed:
        raise fail(f"must be one of {', '.join(allowed)}, not {record[field]!r}", field)


def _number(record: Mapping, field: str, fail: Fail) -> None:
    if field not in record:
        return
    value = record[field]
    if isinstance(value, bool):
        raise fail("must be a number", field)
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise fail("must be a number (such as 10000 or \"1e4\")", field) from None
    if not number.is_finite() or number <= 0:
        raise fail("must be a positive number", field)


# regions ------------------------------------------------------------------------

# Required text fields and division-code fields of each region record type
# (the types are those of regions/lexicon.py; docs/regions.md describes them).
_REGION_TEXT_FIELDS = {
    "alias": ("text",), "former": ("alias",), "zone": ("name",), "group": ("name",),
    "ordinary": ("text",), "block": ("text",), "proper_head": ("text",), "junction": (),
}
_REGION_CODE_FIELDS = {"alias": ("code",), "former": ("code",)}


def _check_region(record: Mapping, fail: Fail) -> None:
    from policyie.regions.lexicon import RECORD_TYPES
    from policyie.regions.table import DivisionTable

    _one_of(record, "type", RECORD_TYPES, fail)
    kind = record["type"]
    for field in _REGION_TEXT_FIELDS.get(kind, ()):
        _text(record, field, fail)
    _text_list(record, "aliases", fail)
    if kind == "junction":
        _text_list(record, "words", fail, optional=False)
    table = DivisionTable.default()
    for field in _REGION_CODE_FIELDS.get(kind, ()):
        if field not in record:
            raise fail("missing", field)
        if record[field] not in table:
            raise fail(f"{record[field]!r} is not a code in divisions.csv", field)
    if kind == "zone" and record.get("parent") is not None and record["parent"] not in table:
        raise fail(f"{record['parent']!r} is not a code in divisions.csv", "parent")
    if kind == "group":
        members = record.get("members", [])
        if not isinstance(members, list):
            raise fail("must be a list of division codes", "members")
        unknown = [code for code in members if code not in table]
        if unknown:
            raise fail(f"not codes in divisions.csv: {', '.join(map(repr, unknown))}", "members")


# industries ---------------------------------------------------------------------

def _check_industry(record: Mapping, fail: Fail) -> None:
    from policyie.industries.lexicon import LexiconError, parse_term

    try:
        parse_term(dict(record), origin="rule_pack")
    except LexiconError as error:
        raise fail(_bare_message(error), error.field) from None


def _bare_message(error: ValueError) -> str:
    """The message of a located error without its ``source:line: field 'x':`` prefix."""
    text = str(error)
    prefix = getattr(error, "source", "") + (f":{error.line}" if getattr(error, "line", None) else "") + ":"
    field = getattr(error, "field", None)
    if field:
        prefix += f" field {field!r}:"
    return text[len(prefix):].strip() if text.startswith(prefix) else text


# quantities ---------------------------------------------------------------------

_MARKER_POSITIONS = ("before", "after", "inside")


def _check_quantity(record: Mapping, fail: Fail) -> None:
    from policyie.quantities import grammar

    types = sorted(grammar.RECORD_TYPES)
    _one_of(record, "type", types, fail)
    _text(record, "text", fail)
    kind = record["type"]
    if kind == "unit":
        _text(record, "unit", fail, optional=True)
        _one_of(record, "family", _unit_families(), fail, optional=True)
        _number(record, "factor", fail)
    elif kind == "currency_symbol":
        _text(record, "unit", fail)
    elif kind == "multiplier":
        _number(record, "factor", fail)
    elif kind == "marker":
        _one_of(record, "approx", grammar.APPROX_VALUES, fail)
        _one_of(record, "position", _MARKER_POSITIONS, fail)
    elif kind == "cue":
        _one_of(record, "cue", sorted(grammar.CUE_KINDS), fail)
    elif kind in ("label_after", "threshold_head"):
        _text_list(record, "families", fail)
    elif kind == "title_before":
        _text_list(record, "units", fail)


@lru_cache(maxsize=1)
def _unit_families() -> tuple[str, ...]:
    """The unit families the shipped units use: the ones the grammar has rules for."""
    text = (resources.files("policyie.quantities") / "data" / "units.jsonl").read_text(encoding="utf-8")
    families = {json.loads(line).get("family") for line in text.splitlines() if line.strip()}
    return tuple(sorted(family for family in families if family))


# indicators and metrics -----------------------------------------------------------

def _check_indicator(record: Mapping, fail: Fail) -> None:
    from policyie.indicators.engine import CUE_LISTS

    if record.get("type", "cue") != "cue":
        hint = " (metric names are records of the 'metrics' dimension)" if record.get("type") == "metric" else ""
        raise fail(f"must be 'cue' or absent, not {record.get('type')!r}{hint}", "type")
    _one_of(record, "cue", CUE_LISTS, fail)
    _text(record, "text", fail)


def _check_metric(record: Mapping, fail: Fail) -> None:
    from policyie.metrics import check_metric_record

    check_metric_record(record, fail)


_CHECKERS = {
    "regions": _check_region,
    "industries": _check_industry,
    "quantities": _check_quantity,
    "indicators": _check_indicator,
    "metrics": _check_metric,
}


# -- installed packs ----------------------------------------------------------------

@dataclass(frozen=True)
class InstalledPack:
    """A rule pack that an installed distribution declares in the ``policyie.rules`` group."""

    name: str
    distribution: Optional[str]
    value: str          # the entry point's ``module:attribute``

    @property
    def source(self) -> str:
        return f"entry point {self.name!r} ({self.distribution or 'unknown distribution'}: {self.value})"


def installed_rule_packs() -> list[InstalledPack]:
    """Rule packs of installed packages, sorted by name (so every process applies them in one order)."""
    packs = []
    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = getattr(entry_point, "dist", None)
        packs.append(InstalledPack(entry_point.name, dist.name if dist else None, entry_point.value))
    return sorted(set(packs), key=lambda pack: (pack.name, pack.value))


def rules_of_installed(pack: InstalledPack) -> list[Rule]:
    """Import an installed pack's entry point and read its rules."""
    entry_point = metadata.EntryPoint(pack.name, pack.value, ENTRY_POINT_GROUP)
    try:
        target = entry_point.load()
    except Exception as error:   # any import failure of third-party code: report, with its origin
        raise RuleError(f"cannot load the installed rule pack: {type(error).__name__}: {error}",
                        source=pack.source) from None
    return rules_of(target, source=pack.source)


# -- applying -------------------------------------------------------------------------

def collect_rules(packs: Iterable[Any]) -> list[Rule]:
    """Every rule of ``packs`` (paths, records, lists, installed packs), checked, in order."""
    rules: list[Rule] = []
    for pack in packs or ():
        rules += rules_of_installed(pack) if isinstance(pack, InstalledPack) else rules_of(pack)
    for rule in rules:
        check_rule(rule.dimension, rule.record, source=rule.source, line=rule.line)
    return rules


def apply_rule_packs(nlp: Language, packs: Iterable[Any]) -> None:
    """Load each pack into the matching components of ``nlp``.

    All records are checked first: an invalid pack raises :class:`RuleError`
    and changes nothing.  Metric names need the ``policyie_metrics`` component,
    which is added after ``policyie_indicators`` when a pack has any.
    """
    rules = collect_rules(packs)
    if any(rule.dimension == "metrics" for rule in rules):
        ensure_metrics_component(nlp)
    for (source, dimension), numbered in _runs(rules):
        nlp.get_pipe(DIMENSION_COMPONENTS[dimension]).add_rules(numbered, source=source)


def _runs(rules: list[Rule]) -> list[tuple[tuple[str, str], list[tuple[Optional[int], dict]]]]:
    """Consecutive rules of one source and dimension, so each component gets them in file order."""
    runs: list[tuple[tuple[str, str], list]] = []
    for rule in rules:
        key = (rule.source, rule.dimension)
        if not runs or runs[-1][0] != key:
            runs.append((key, []))
        runs[-1][1].append((rule.line, rule.record))
    return runs


def ensure_metrics_component(nlp: Language) -> None:
    """Add ``policyie_metrics`` right after ``policyie_indicators`` unless it is there."""
    from policyie import metrics  # noqa: F401  (registers the factory)

    if DIMENSION_COMPONENTS["metrics"] not in nlp.pipe_names:
        nlp.add_pipe(DIMENSION_COMPONENTS["metrics"], after=DIMENSION_COMPONENTS["indicators"])
