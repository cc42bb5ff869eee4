"""Cue words of the indicator rules, and the one scan that finds them in a sentence.

The words live in ``data/cues.json``: named lists (``growth``, ``target``,
``verbs`` …) that rule packs extend, and a few tables (``table_*``) that they
do not.  A word may sit in several lists; a hit carries the set of lists of
its word (its *roles*), so one scan serves every rule.

Why one scanner instead of ``str.find`` per list: the rules ask many
questions of the same few characters (is there a growth word right before the
value, where is the last verb, is there a target word in the sentence …).
Scanning each sentence once, leftmost-longest, answers all of them and also
settles overlaps the way a reader does: ``居民`` is one word, so its ``居``
is no ranking verb; ``提高到`` is one word, so its ``提高`` is no growth.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Iterable, Mapping, NamedTuple, Sequence

# Lists that rule packs may extend ({"cue": <list>, "text": <word>}); the order is the documented one.
CUE_LISTS = (
    "growth", "not_growth", "stock_increases", "negative", "share", "difference", "ratio_verbs", "target", "weak_target",
    "result_verbs", "verbs", "adverbs", "name_prefix_noise", "name_suffix_noise", "kept_before_amounts",
    "growth_name_suffixes", "growth_nouns", "copulas",
    "scope_words", "national_words", "peer_groups", "peer_suffixes", "report_markers", "report_openers",
    "review_markers", "plan_markers", "plan_intro_verbs", "achievement_ordinals", "label_units",
    "cue_blockers",
)

# Lists whose words are looked for by the scanner; the others are matched at the edges of names
# or in headings (see names.py and document.py).
SCANNED_LISTS = (
    "growth", "not_growth", "stock_increases", "negative", "share", "difference", "ratio_verbs", "target", "weak_target",
    "result_verbs", "verbs", "adverbs", "cue_blockers",
)

# Roles that end a subject: a name never runs across one of these words.
PREDICATE_ROLES = frozenset({"result_verbs", "verbs", "adverbs", "growth", "difference", "target", "weak_target"})


class Hit(NamedTuple):
    start: int
    end: int
    word: str
    roles: frozenset


@dataclass(frozen=True)
class Cues:
    """The cue lists and tables; immutable, so a builder can share it until a rule pack changes it."""

    lists: Mapping[str, tuple[str, ...]]
    tables: Mapping[str, Mapping] = field(default_factory=dict)

    def __getitem__(self, name: str) -> tuple[str, ...]:
        return self.lists[name]

    def table(self, name: str) -> Mapping:
        return self.tables.get(name, {})

    @classmethod
    def from_mapping(cls, data: Mapping) -> "Cues":
        lists = {}
        for name in CUE_LISTS:
            words = data.get(name, [])
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise ValueError(f"cue list {name!r} must be a list of non-empty strings")
            lists[name] = _longest_first(words)
        tables = {key[len("table_"):]: value for key, value in data.items() if key.startswith("table_")}
        return cls(lists, tables)

    def with_word(self, list_name: str, word: str) -> "Cues":
        if list_name not in CUE_LISTS:
            raise ValueError(f"unknown cue list {list_name!r}; one of {', '.join(CUE_LISTS)}")
        if not isinstance(word, str) or not word:
            raise ValueError("cue text must be a non-empty string")
        lists = dict(self.lists)
        lists[list_name] = _longest_first((*lists[list_name], word))
        return Cues(lists, self.tables)

    @cached_property
    def scanner(self) -> "CueScanner":
        return CueScanner({name: self.lists[name] for name in SCANNED_LISTS})

    @cached_property
    def sets(self) -> Mapping[str, frozenset]:
        """Each list as a set, for membership tests on whole strings."""
        return {name: frozenset(words) for name, words in self.lists.items()}


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def default_cues() -> Cues:
    data = json.loads((resources.files("policyie.indicators") / "data" / "cues.json").read_text("utf-8"))
    return Cues.from_mapping(data)


class CueScanner:
    """Leftmost-longest occurrences of the cue words, each with the lists it belongs to.

    Words are indexed by their first character; at each position one dictionary
    look-up decides whether any word can start there, so a scan costs about one
    look-up per character.
    """

    def __init__(self, lists: Mapping[str, Sequence[str]]):
        roles: dict[str, set[str]] = {}
        for name, words in lists.items():
            for word in words:
                roles.setdefault(word, set()).add(name)
        by_first: dict[str, list[tuple[str, frozenset]]] = {}
        for word in sorted(roles, key=len, reverse=True):
            by_first.setdefault(word[0], []).append((word, frozenset(roles[word])))
        self._by_first = by_first

    def scan(self, text: str, start: int, end: int, holes: Sequence[tuple[int, int]] = ()) -> list[Hit]:
        """Hits in ``text[start:end]``; no hit overlaps a hole (the span of a quantity or a place name)."""
        by_first = self._by_first
        hits: list[Hit] = []
        hole_index = 0
        position = start
        while position < end:
            while hole_index < len(holes) and holes[hole_index][1] <= position:
                hole_index += 1
            limit = end
            if hole_index < len(holes):
                hole_start, hole_end = holes[hole_index]
                if hole_start <= position:
                    position = hole_end
                    continue
                limit = min(end, hole_start)
            bucket = by_first.get(text[position])
            if bucket is not None:
                for word, roles in bucket:
                    word_end = position + len(word)
                    if word_end <= limit and text.startswith(word, position):
                        hits.append(Hit(position, word_end, word, roles))
                        position = word_end
                        break
                else:
                    position += 1
                continue
            position += 1
        return hits
