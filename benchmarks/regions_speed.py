"""Speed of the region tagger (``find`` + scope) on about 1 MB of report-like text, and a
snapshot of its outputs to check that a speed-up changes nothing.

    .venv/bin/python benchmarks/regions_speed.py [--size 1000000] [--runs 3] [--profile]
    .venv/bin/python benchmarks/regions_speed.py --snapshot OUT.json     # outputs on all corpora
    .venv/bin/python benchmarks/regions_speed.py --compare OUT.json      # differences from a snapshot

Three texts are timed: the benchmark corpus (``benchmarks/corpus.py``: documents of about 2,000
characters built from the example reports and the example corpora), a dense one (the sentences
of the region and indicator corpora, one a line: the region examples name a place every dozen
characters) and report sentences (those of the indicator corpus alone, from work reports,
bulletins and news: a place every two hundred characters or so).  CPU time (not wall time) of the best of ``--runs``
calls is reported, so that other jobs on a shared machine disturb the figure less.

The snapshot holds, for every text of ``tests/corpus/*.jsonl``, ``examples/reports.jsonl``, the
scope tests and the benchmark documents, the records of ``find`` (character mode), the scope's
breakpoints and the proper-name spans; with ``--segmented`` also the records found with the
shipped segmenter's word boundaries (texts under 1,000 characters).
"""
from __future__ import annotations

import argparse
import cProfile
import importlib.util
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import documents  # noqa: E402

from policyie.regions import RegionTagger  # noqa: E402


def corpus_lines(*names: str) -> list[str]:
    lines = []
    for name in names:
        path = ROOT / "tests" / "corpus" / name
        lines += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def dense_documents(size: int, names: tuple[str, ...] = ("regions.jsonl", "indicators.jsonl")) -> list[str]:
    """Corpus sentences (by default the region and indicator ones), 40 to a document, repeated up
    to ``size`` characters."""
    lines = corpus_lines(*names)
    docs, total, index = [], 0, 0
    while total < size:
        doc = "\n".join(lines[(index + k) % len(lines)] for k in range(40))
        docs.append(doc)
        total += len(doc)
        index += 40
    return docs


def run(tagger: RegionTagger, docs: list[str], with_scope: bool) -> int:
    found = 0
    for text in docs:
        matches = tagger.find(text)
        if with_scope:
            tagger.scope(text, matches).breakpoints()
        found += len(matches)
    return found


def best_cpu_time(tagger: RegionTagger, docs: list[str], runs: int, with_scope: bool) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        run(tagger, docs, with_scope)
        best = min(best, time.process_time() - start)
    return best


def snapshot_texts() -> dict[str, str]:
    texts = {}
    for path in sorted((ROOT / "tests" / "corpus").glob("*.jsonl")) + [ROOT / "examples" / "reports.jsonl"]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                texts[f"{path.name}:{number}"] = json.loads(line)["text"]
    spec = importlib.util.spec_from_file_location("test_scope", ROOT / "tests" / "regions" / "test_scope.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for number, (text, _) in enumerate(module.CASES):
        texts[f"test_scope:{number}"] = text
    for number, text in enumerate(documents(300_000)):
        texts[f"benchmark:{number}"] = text
    return texts


def word_boundaries():
    """``text -> is_boundary`` from the shipped segmenter (the pipeline's pkuseg mode)."""
    import policyie

    nlp = policyie.load()

    def boundaries(text: str):
        doc = nlp.make_doc(text)
        found = set(doc.to_array("IDX").tolist())
        found.add(len(text))
        return found.__contains__
    return boundaries


def outputs(tagger: RegionTagger, text: str, boundaries=None) -> dict:
    matches = tagger.find(text)
    if boundaries is not None and not text.startswith("\n") and len(text) < 1000:
        segmented = tagger.find(text, is_boundary=boundaries(text))
        segmented = [[m.start, m.end, m.code, m.name, m.level] for m in segmented]
    else:
        segmented = None
    return {"segmented": segmented,"matches": [[m.start, m.end, m.code, m.name, m.level, list(m.candidates), list(m.members), m.parent]
                        for m in matches],
            "scope": [list(point) for point in tagger.scope(text, matches).breakpoints()],
            "proper": [list(span) for span in tagger.proper_name_spans(text)]}


def governing(points: list | None, length: int) -> list | None:
    """The code governing each character, as the pipeline reads the breakpoints (None before the
    first one)."""
    if points is None:
        return None
    codes = [None] * length
    for (offset, code), (following, _) in zip(points, [*points[1:], (length, None)]):
        codes[offset:following] = [code] * (following - offset)
    return codes


def scope_changes(was: list, now: list) -> list[tuple[int, int, object, object]]:
    """(start, end, old code, new code) of the stretches where the governing region changed."""
    changes, start = [], None
    for position, (old, new) in enumerate([*zip(was, now), (None, None)]):
        if start is not None and (old, new) != (was[start], now[start]) if position < len(was) else start is not None:
            changes.append((start, position, was[start], now[start]))
            start = None
        if start is None and position < len(was) and old != new:
            start = position
    return changes


def compare(tagger: RegionTagger, path: Path, boundaries=None) -> int:
    old = json.loads(path.read_text(encoding="utf-8"))
    changed = 0
    for key, then in old.items():
        text = then["text"]   # the texts as they were: the corpora grow meanwhile
        new = outputs(tagger, text, boundaries)
        for part in ("matches", "scope", "proper", "segmented"):
            was, now = then.get(part), new[part]
            if part == "scope":   # the regions that govern, whatever the breakpoints that say so
                was, now = governing(was, len(text)), governing(now, len(text))
            if now is not None and was is not None and now != was:
                changed += 1
                print(f"{key} {part}: {text[:40]!r}")
                if part == "scope":
                    for start, end, before, after in scope_changes(was, now):
                        print(f"   {before} → {after}: {text[start:end]!r}")
                else:
                    print(f"   was {was}")
                    print(f"   now {now}")
    print(f"{changed} differences over {len(old)} texts")
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of each timed text")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile one run on the benchmark corpus")
    parser.add_argument("--snapshot", type=Path, help="write the outputs on all corpora to this file")
    parser.add_argument("--compare", type=Path, help="compare the outputs with this snapshot")
    parser.add_argument("--segmented", action="store_true",
                        help="snapshot and compare also with the segmenter's word boundaries (slower)")
    args = parser.parse_args()
    tagger = RegionTagger.default()
    tagger.find("广东省深圳市")   # builds the matcher

    boundaries = word_boundaries() if args.segmented else None
    if args.snapshot:
        data = {key: {"text": text, **outputs(tagger, text, boundaries)} for key, text in snapshot_texts().items()}
        args.snapshot.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        print(f"wrote {len(data)} texts to {args.snapshot}")
        return
    if args.compare:
        sys.exit(1 if compare(tagger, args.compare, boundaries) else 0)

    sets = {"benchmark corpus": documents(args.size), "dense sentences": dense_documents(args.size),
            "report sentences": dense_documents(args.size, ("indicators.jsonl",))}
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(run, tagger, sets["benchmark corpus"], True)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        return
    for label, docs in sets.items():
        chars = sum(map(len, docs))
        found = run(tagger, docs, False)
        find_time = best_cpu_time(tagger, docs, args.runs, False)
        both_time = best_cpu_time(tagger, docs, args.runs, True)
        print(f"{label}: {chars:,} chars in {len(docs)} documents, {found:,} regions "
              f"({chars / max(found, 1):.0f} chars per region)")
        print(f"  find          {chars / find_time / 1e6:5.2f} M chars/s")
        print(f"  find + scope  {chars / both_time / 1e6:5.2f} M chars/s")


if __name__ == "__main__":
    main()
