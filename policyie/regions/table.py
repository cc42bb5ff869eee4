"""The division table: every province, prefecture and county with its code and parent.

Loaded once from ``data/divisions.csv`` (built by ``build_table.py``) and never changed, so one
table can be shared by every tagger and every document.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

DATA_DIR = Path(__file__).parent / "data"
COUNTRY_CODE = "100000"
COUNTRY_NAME = "中华人民共和国"
LEVEL_RANK = {"country": 0, "province": 1, "prefecture": 2, "county": 3}


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    level: str            # country / province / prefecture / county
    parent: str | None    # None only for the country


COUNTRY = Division(COUNTRY_CODE, COUNTRY_NAME, "country", None)


class DivisionTable:
    """Read-only lookups over the divisions: by code, children, ancestors."""

    def __init__(self, divisions: list[Division]):
        self._by_code = {d.code: d for d in divisions}
        self._by_code.setdefault(COUNTRY_CODE, COUNTRY)
        children: dict[str, list[str]] = {}
        for d in self._by_code.values():
            if d.parent:
                children.setdefault(d.parent, []).append(d.code)
        self._children = {code: tuple(sorted(kids)) for code, kids in children.items()}
        # asked for every mention of every document: worked out once
        self._ancestors = {code: self._chain(code) for code in self._by_code}

    @classmethod
    def from_csv(cls, path: Path) -> "DivisionTable":
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        return cls([Division(r["code"], r["name"], r["level"], r["parent_code"] or COUNTRY_CODE)
                    for r in rows])

    @classmethod
    def default(cls) -> "DivisionTable":
        return _default_table()

    def __iter__(self) -> Iterator[Division]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: str) -> bool:
        return code in self._by_code

    def get(self, code: str | None) -> Division | None:
        return self._by_code.get(code) if code else None

    def children(self, code: str) -> tuple[str, ...]:
        return self._children.get(code, ())

    def ancestors(self, code: str) -> tuple[str, ...]:
        """Codes above ``code``, nearest first, ending with the country."""
        return self._ancestors.get(code, ())

    def _chain(self, code: str) -> tuple[str, ...]:
        chain = []
        division = self._by_code.get(code)
        while division is not None and division.parent:
            chain.append(division.parent)
            division = self._by_code.get(division.parent)
        return tuple(chain)

    def is_within(self, code: str, ancestor: str) -> bool:
        return code == ancestor or ancestor in self.ancestors(code)

    def province_of(self, code: str) -> str | None:
        division = self._by_code.get(code)
        while division is not None and division.level not in ("province", "country"):
            division = self._by_code.get(division.parent)
        return division.code if division is not None and division.level == "province" else None


@lru_cache(maxsize=1)
def _default_table() -> DivisionTable:
    return DivisionTable.from_csv(DATA_DIR / "divisions.csv")
