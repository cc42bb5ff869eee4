"""Rule packs: users' own terms, regions and indicator rules, without editing the library.

A rule pack is a JSONL file; every line is one record with a ``dimension``
field (``regions``, ``industries``, ``quantities`` or ``indicators``) and the
fields that dimension's data files use (the library's own data is the first
rule pack).  Records are handed to the matching component's ``add_rules``,
which validates them; an invalid record raises :class:`RuleError` naming the
file, line and field.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Mapping, Union

from spacy.language import Language

DIMENSION_COMPONENTS = {
    "regions": "policyie_regions",
    "industries": "policyie_industries",
    "quantities": "policyie_quantities",
    "indicators": "policyie_indicators",
}
RuleSource = Union[str, Path, Mapping]


class RuleError(ValueError):
    """An invalid rule record, located by file, line and field."""

    def __init__(self, message: str, *, source: str = "<rules>", line: int | None = None,
                 field: str | None = None):
        where = source + (f":{line}" if line is not None else "")
        what = f" field {field!r}:" if field else ""
        super().__init__(f"{where}:{what} {message}")
        self.source, self.line, self.field = source, line, field


def read_rule_file(path: Union[str, Path]) -> list[tuple[int, dict]]:
    """(line number, record) pairs of a JSONL rule pack; blank lines and # comments skipped."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise RuleError(f"cannot read rule pack: {error.strerror}", source=str(path)) from None
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


def group_by_dimension(records: Iterable[tuple[int, dict]], source: str) -> dict[str, list[tuple[int, dict]]]:
    groups: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for number, record in records:
        dimension = record.get("dimension")
        if dimension not in DIMENSION_COMPONENTS:
            raise RuleError(f"must be one of {sorted(DIMENSION_COMPONENTS)}, not {dimension!r}",
                            source=source, line=number, field="dimension")
        groups[dimension].append((number, {k: v for k, v in record.items() if k != "dimension"}))
    return groups


def apply_rule_packs(nlp: Language, packs: Iterable[RuleSource]) -> None:
    """Load each pack (a path, or a mapping ``{"dimension": ..., ...}`` record) into ``nlp``."""
    for pack in packs or ():
        if isinstance(pack, Mapping):
            source, numbered = "<record>", [(None, dict(pack))]
        else:
            source, numbered = str(pack), read_rule_file(pack)
        for dimension, records in group_by_dimension(numbered, source).items():
            component = nlp.get_pipe(DIMENSION_COMPONENTS[dimension])
            component.add_rules(records, source=source)
