"""How much of the newest vocabulary discovery finds on its own.

New industry terms reach policy language faster than any lexicon: the
question for discovery is how many mentions of next year's terms it would
find without knowing them. This report simulates that: it removes the N most
recent lexicon terms (by their ``since`` year), runs the reduced tagger over
the texts of a gold JSONL file (the exchange format of SPEC section 2) and
counts, for the gold records that mention a removed term, how many discovery
(``source == "pattern"``) still finds::

    python -m policyie.industries.discovery_report GOLD.jsonl [--newest 20]

The gold file is read at run time; nothing of it is kept.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence

from policyie.industries.lexicon import Term
from policyie.industries.tagger import IndustryMatch, IndustryTagger, _shipped_data


def newest_terms(terms: Sequence[Term], count: int) -> list[Term]:
    """The ``count`` terms with the latest ``since`` year (ties in lexicon order)."""
    return sorted((term for term in terms if term.since), key=lambda term: -term.since)[:count]


def reduced_tagger(removed: Iterable[Term]) -> IndustryTagger:
    """A tagger over the shipped data without the ``removed`` terms."""
    terms, nonterms, rules = _shipped_data()
    gone = {term.name for term in removed}
    return IndustryTagger([term for term in terms if term.name not in gone], nonterms, rules)


@dataclass
class Report:
    removed: list[Term]
    occurrences: int = 0          # gold records that mention a removed term
    exact: int = 0                # … found by discovery with the gold span
    overlapping: int = 0          # … found by discovery with an overlapping span
    any_rule: int = 0             # … found with the gold span by any rule (compounds of remaining terms too)
    by_term: Counter = field(default_factory=Counter)        # removed term → gold mentions
    found_by_term: Counter = field(default_factory=Counter)  # removed term → found with the gold span

    def lines(self) -> list[str]:
        share = self.exact / self.occurrences if self.occurrences else 0.0
        out = [f"removed terms: {len(self.removed)} (since {min(t.since for t in self.removed)}"
               f"–{max(t.since for t in self.removed)})",
               f"gold mentions of removed terms: {self.occurrences}",
               f"found by discovery, exact span: {self.exact} ({share:.0%})",
               f"found by discovery, overlapping span: {self.overlapping}",
               f"found with the gold span by any rule of the reduced tagger: {self.any_rule}"]
        for name, count in self.by_term.most_common():
            out.append(f"  {name}: {self.found_by_term[name]}/{count}")
        return out


def removed_name(record: dict, surfaces: dict[str, str]) -> Optional[str]:
    """The removed term a gold record mentions (by its text or its canonical name), if any."""
    return surfaces.get(record.get("text", "")) or surfaces.get(record.get("name", ""))


def evaluate(documents: Iterable[dict], newest: int = 20) -> Report:
    terms, _, _ = _shipped_data()
    removed = newest_terms(terms, newest)
    surfaces = {surface: term.name for term in removed for surface in term.surfaces}
    tagger = reduced_tagger(removed)
    report = Report(removed)
    for document in documents:
        golds = [(record, removed_name(record, surfaces)) for record in document.get("industries", [])]
        golds = [(record, name) for record, name in golds if name]
        if not golds:
            continue
        matches = tagger.find(document["text"])
        found = [m for m in matches if m.source == "pattern"]
        for record, name in golds:
            report.occurrences += 1
            report.by_term[name] += 1
            report.any_rule += any(_same_span(m, record) for m in matches)
            if any(_same_span(m, record) for m in found):
                report.exact += 1
                report.found_by_term[name] += 1
            if any(m.start < record["end"] and record["start"] < m.end for m in found):
                report.overlapping += 1
    return report


def _same_span(match: IndustryMatch, record: dict) -> bool:
    return (match.start, match.end) == (record["start"], record["end"])


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="gold JSONL file (SPEC section 2 layout, with text)")
    parser.add_argument("--newest", type=int, default=20, help="how many of the newest terms to remove")
    args = parser.parse_args(argv)
    report = evaluate(read_jsonl(args.gold), args.newest)
    print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
