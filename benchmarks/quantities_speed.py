"""Speed and linearity of ``QuantityGrammar.find`` (and the number layer).

Three texts of about ``--size`` characters each:

* ``report``: report-like documents from benchmarks/corpus.py (the example
  reports and the sentences of every example corpus; about as dense in
  quantities as a government work report);
* ``dense``: the quantities corpus sentences repeated (every sentence holds
  quantities or a near miss: far denser than real text);
* ``news``: a plain-text file given with ``--news`` (e.g. the People's Daily
  January 1998 corpus, word/tag pairs stripped); skipped without it.

CPU time (not wall time) of the best of ``--runs`` calls is reported, so that
other jobs on a shared machine disturb the figure less.  ``--scaling`` also
times the report text at 1/8, 1/4, 1/2 and the full size: the time per
character should stay flat (the grammar is linear in the text)::

    .venv/bin/python benchmarks/quantities_speed.py [--size 1000000] [--news FILE] [--scaling]

``--pathological`` times inputs that would make a backtracking or quadratic
reader blow up (the same as tests/quantities/test_grammar.py reads untimed);
each should take well under a second.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import documents  # noqa: E402

from policyie.quantities import QuantityGrammar  # noqa: E402

CORPUS = HERE.parent / "tests" / "corpus" / "quantities.jsonl"
_TAG = re.compile(r"/[A-Za-z]+\]?[a-z]*|\[")


def report_text(size: int) -> str:
    return "\n".join(documents(size))[:size]


def dense_text(size: int) -> str:
    lines = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    block = "\n".join(lines)
    return (block * (size // len(block) + 1))[:size]


def news_text(path: Path, size: int) -> str:
    """Plain text of a word/tag corpus (199801.txt style: ``迈向/v  充满/v``), or any text file."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        words = line.split()
        if words and "/" in words[0]:
            line = "".join(_TAG.sub("", word) for word in words[1:] if "/" in word)
        if line.strip():
            lines.append(line)
    text = "\n".join(lines)
    return (text * (size // max(len(text), 1) + 1))[:size]


PATHOLOGICAL = {
    "long run that does not parse": "五六七八九十" * 5000 + "个",
    "comma chain": "1,2,3,4,5," * 5000,
    "万 × 20000": "万" * 20000 + "元",
    "十 × 20000": "十" * 20000 + "家",
    "range chain": "5-" * 20000 + "6万",
    "三分之 × 10000": "三分之" * 10000,
    "连续 × 10000": "连续 " * 10000 + "3年",
    "每 × 10000": "每" * 10000 + "4辆就有1辆",
}


def best_cpu_time(call, text: str, runs: int) -> tuple[float, int]:
    best, found = float("inf"), 0
    for _ in range(runs):
        started = time.process_time()
        found = len(call(text))
        best = min(best, time.process_time() - started)
    return best, found


def report(name: str, call, text: str, runs: int) -> None:
    seconds, found = best_cpu_time(call, text, runs)
    print(f"{name:<14} {len(text):>9,} chars  {found:>6} records  {len(text) / seconds / 1e6:5.2f} M chars/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of each text")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--news", type=Path, help="a news corpus (199801.txt word/tag format or plain text)")
    parser.add_argument("--scaling", action="store_true", help="also time 1/8 … 1/1 of the report text")
    parser.add_argument("--numbers", action="store_true", help="also time the number layer")
    parser.add_argument("--pathological", action="store_true", help="also time inputs that stress the reader")
    args = parser.parse_args()

    grammar = QuantityGrammar.default()
    grammar.find("增长5.2%，投资13.57万亿元")          # compile lazily built parts first
    texts = {"report": report_text(args.size), "dense": dense_text(args.size)}
    if args.news:
        texts["news"] = news_text(args.news, args.size)
    for name, text in texts.items():
        report(f"find/{name}", grammar.find, text, args.runs)
        if args.numbers:
            report(f"numbers/{name}", grammar.find_numbers, text, args.runs)
    if args.scaling:
        text = texts["report"]
        for part in (8, 4, 2, 1):
            piece = text[:len(text) // part]
            seconds, _ = best_cpu_time(grammar.find, piece, args.runs)
            print(f"scaling 1/{part}: {len(piece):>9,} chars  {seconds * 1e9 / len(piece):7.1f} ns/char")
    if args.pathological:
        for name, text in PATHOLOGICAL.items():
            started = time.process_time()
            grammar.find(text)
            grammar.find_numbers(text)
            print(f"pathological {name:<30} {len(text):>7,} chars  {time.process_time() - started:6.3f} s")


if __name__ == "__main__":
    main()
