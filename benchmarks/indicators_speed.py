"""Speed of the indicator rules alone, at two densities of values (run by hand, never in a test).

    .venv/bin/python benchmarks/indicators_speed.py [--size 1000000] [--runs 5] [--profile]

The texts are one long document each, made of the repository's own sentences
in a fixed shuffled order, joined into paragraphs of about ``--paragraph``
characters as in real reports (0: one sentence a line, as in the corpus files):

- *dense*: the indicator and quantity corpora and the test report
  (tests/indicators/data/report.txt), about 52 values per 1,000 characters —
  a statistical communiqué;
- *report density*: those lines diluted with the industry corpus, policy
  sentences that hold few values, to about 21 values per 1,000 characters — a
  work report or a news summary (the region corpus is left out: a list of
  place names, 94 a 1,000 characters, where a report has about 5).

Quantities, regions and the region scope are found once, outside the timing;
``IndicatorBuilder.build`` is timed alone (CPU time, best of ``--runs``).
``--profile`` prints the functions that take the most time on the report-density
text.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import time
from pathlib import Path

import policyie
from policyie.docstate import get_records
from policyie.indicators.engine import IndicatorBuilder
from policyie.quantities import QuantityGrammar
from policyie.regions.component import region_scope_of

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "tests" / "corpus"
REPORT = ROOT / "tests" / "indicators" / "data" / "report.txt"
DENSE_SHARE_FOR_REPORTS = 0.125 # share of dense lines that gives about 21 values per 1,000 characters
_SENTENCE_END = "。！？；：…"


def corpus_lines(name: str) -> list[str]:
    path = CORPUS_DIR / name
    return [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip()]


def build_text(dense_share: float, size: int, paragraph: int = 200, seed: int = 0) -> str:
    """About ``size`` characters of sentences: a ``dense_share`` of them (by count) from the dense sources,
    each ended with 。 if it has no end mark, joined into paragraphs of at least ``paragraph`` characters."""
    rng = random.Random(seed)
    dense = corpus_lines("indicators.jsonl") + corpus_lines("quantities.jsonl") + \
        [line for line in REPORT.read_text("utf-8").splitlines() if line.strip()]
    sparse = corpus_lines("industries.jsonl")
    paragraphs, current, length = [], [], 0
    while length < size:
        sentence = (rng.choice(dense) if rng.random() < dense_share else rng.choice(sparse)).strip()
        if paragraph and not sentence.endswith(tuple(_SENTENCE_END)):
            sentence += "。"
        current.append(sentence)
        length += len(sentence)
        if sum(map(len, current)) >= paragraph:
            paragraphs.append("".join(current))
            length += 1
            current = []
    return "\n".join(paragraphs + ["".join(current)]).rstrip()


def inputs_of(text: str) -> dict:
    """What the stages before the indicators give the builder, found once."""
    doc = policyie.load(segmenter="char")(text)
    return {"quantities": QuantityGrammar.default().find(text), "regions": get_records(doc, "regions"),
            "region_at": region_scope_of(doc)}


def best_cpu_time(builder: IndicatorBuilder, text: str, inputs: dict, runs: int) -> tuple[float, int]:
    best, found = float("inf"), 0
    for _ in range(runs):
        started = time.process_time()
        found = len(builder.build(text, inputs["quantities"], date="2025-01-20", region_at=inputs["region_at"],
                                  regions=inputs["regions"]))
        best = min(best, time.process_time() - started)
    return best, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of each text")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--paragraph", type=int, default=200, help="characters of a paragraph (0: a line each)")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    builder = IndicatorBuilder()
    for label, share in (("dense", 1.0), ("report density", DENSE_SHARE_FOR_REPORTS)):
        text = build_text(share, args.size, args.paragraph)
        inputs = inputs_of(text)
        count = len(inputs["quantities"])
        seconds, found = best_cpu_time(builder, text, inputs, args.runs)
        print(f"{label}: {len(text):,} chars, {count * 1000 / len(text):.0f} values per 1,000 chars, "
              f"{found:,} indicators: {len(text) / seconds / 1e6:.2f} M chars/s ({count / seconds:,.0f} values/s)")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(builder.build, text, inputs["quantities"], date="2025-01-20",
                        region_at=inputs["region_at"], regions=inputs["regions"])
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
