"""Speed of ``IndustryTagger.find`` on about 1 MB of policy-like text.

``--documents``: the report-like documents of ``benchmarks/corpus.py`` (the
example reports and every corpus sentence, grouped into documents of about
2,000 characters), one ``find`` call per document, as the pipeline makes it.

Otherwise one text that mixes sentences of the industry corpus (every one
about industries: dense) with other text (by default the sentences of the
other dimensions' corpora, which are policy text with fewer industries; or
any UTF-8 file given with ``--other``, e.g. a newspaper dump), in the share
given by ``--share``; half and half is about as dense as a work report::

    .venv/bin/python benchmarks/industries_speed.py --documents
    .venv/bin/python benchmarks/industries_speed.py [--share 0.5] [--other FILE] [--size 1000000]

CPU time (not wall time) of the best of ``--runs`` runs is reported, so
that other jobs on a shared machine disturb the figure less (they still
do: compare figures taken one right after the other).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from policyie.industries.tagger import IndustryTagger

CORPUS_DIR = Path(__file__).parents[1] / "tests" / "corpus"


def corpus_lines(name: str) -> list[str]:
    path = CORPUS_DIR / name
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def other_lines(path: Path | None) -> list[str]:
    if path is not None:
        return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [line for name in ("regions.jsonl", "quantities.jsonl", "indicators.jsonl") for line in corpus_lines(name)]


def build_text(share: float, other: list[str], size: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    industries = corpus_lines("industries.jsonl")
    parts, length = [], 0
    while length < size:
        line = rng.choice(industries) if rng.random() < share else rng.choice(other)
        parts.append(line)
        length += len(line) + 1
    return "\n".join(parts)[:size]


def best_cpu_time(tagger: IndustryTagger, texts: list[str], runs: int) -> tuple[float, int]:
    best, found = float("inf"), 0
    for _ in range(runs):
        start = time.process_time()
        found = sum(len(tagger.find(text)) for text in texts)
        best = min(best, time.process_time() - start)
    return best, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--share", type=float, default=0.5, help="share of industry-corpus lines")
    parser.add_argument("--other", type=Path, help="a UTF-8 text file for the other lines")
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of text")
    parser.add_argument("--documents", action="store_true", help="the report-like documents of benchmarks/corpus.py")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.documents:
        sys.path.insert(0, str(Path(__file__).parent))
        from corpus import documents

        texts = documents(args.size)
        label = f"{len(texts)} report-like documents"
    else:
        texts = [build_text(args.share, other_lines(args.other), args.size)]
        label = f"{args.share:.0%} industry-corpus lines"
    tagger = IndustryTagger.default()
    tagger.find(texts[0][:1000])  # build the lazily made parts first
    seconds, found = best_cpu_time(tagger, texts, args.runs)
    size = sum(map(len, texts))
    print(f"{size:,} chars, {label}: {found} records (one per {size // max(found, 1)} chars), "
          f"{size / seconds / 1e6:.2f} M chars/s")


if __name__ == "__main__":
    main()
