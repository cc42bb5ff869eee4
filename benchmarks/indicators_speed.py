"""How fast the indicator rules run, apart from the stages before them (not a test; run by hand).

    .venv/bin/python tests/indicators/measure_speed.py [--repeat N]

Two texts, each one long document: the corpus (tests/corpus/indicators.jsonl)
joined, and the work report of tests/indicators/data/report.txt repeated.  Both
are dense with values, as work reports are.  Quantities and regions are found
once, outside the timing; the builder is timed alone (best of N runs, CPU time).
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import policyie
from policyie.docstate import get_records
from policyie.indicators.engine import IndicatorBuilder
from policyie.quantities import QuantityGrammar
from policyie.regions.component import region_scope_of

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus" / "indicators.jsonl"
REPORT = HERE / "data" / "report.txt"


def corpus_text(copies: int) -> str:
    texts = [json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]
    return "\n".join(texts * copies)


def report_text(copies: int) -> str:
    return "\n".join([REPORT.read_text("utf-8")] * copies)


def measure(label: str, text: str, repeat: int) -> None:
    quantities = QuantityGrammar.default().find(text)
    doc = policyie.load(segmenter="char")(text)
    regions, scope = get_records(doc, "regions"), region_scope_of(doc)
    builder = IndicatorBuilder()
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        records = builder.build(text, quantities, date="2025-01-20", region_at=scope, regions=regions)
        best = min(best, time.process_time() - started)
    print(f"{label}: {len(text):,} chars, {len(quantities) * 1000 / len(text):.0f} values per 1,000 chars, "
          f"{len(records):,} indicators: {len(text) / best / 1e6:.2f} M chars/s "
          f"({len(quantities) / best:,.0f} values/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    measure("corpus ×4", corpus_text(4), args.repeat)
    measure("report ×20", report_text(20), args.repeat)


if __name__ == "__main__":
    main()
