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
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Callable, Iterable, Mapping, NamedTuple, Optional, Sequence

# Lists that rule packs may extend ({"cue": <list>, "text": <word>}); the order is the documented one.
CUE_LISTS = (
    "growth", "not_growth", "stock_increases", "negative", "share", "difference", "ratio_verbs", "target", "weak_target",
    "result_verbs", "verbs", "adverbs", "result_markers", "name_prefix_noise", "name_suffix_noise", "kept_before_amounts",
    "growth_name_suffixes", "growth_nouns", "copulas",
    "scope_words", "national_words", "peer_groups", "peer_suffixes", "report_markers", "report_openers",
    "review_markers", "plan_markers", "plan_intro_verbs", "block_intro_verbs", "achievement_ordinals", "label_units",
    "frame_nouns", "cue_blockers", "review_titles", "estimates",
)

# Lists whose words are looked for by the scanner; the others are matched at the edges of names
# or in headings (see names.py and document.py).
SCANNED_LISTS = (
    "growth", "not_growth", "stock_increases", "negative", "share", "difference", "ratio_verbs", "target", "weak_target",
    "result_verbs", "verbs", "adverbs", "result_markers", "cue_blockers",
)

# Roles that end a subject: a name never runs across one of these words.
PREDICATE_ROLES = frozenset({"result_verbs", "verbs", "adverbs", "growth", "difference", "ratio_verbs", "target",
                             "weak_target"})


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
    # words that hold a one-character cue word without being it (起降, 直达, 增值: data/compounds.json)
    compounds: frozenset = frozenset()

    def __getitem__(self, name: str) -> tuple[str, ...]:
        return self.lists[name]

    def table(self, name: str) -> Mapping:
        return self.tables.get(name, {})

    @classmethod
    def from_mapping(cls, data: Mapping, compounds: Iterable[str] = ()) -> "Cues":
        lists = {}
        for name in CUE_LISTS:
            words = data.get(name, [])
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise ValueError(f"cue list {name!r} must be a list of non-empty strings")
            lists[name] = _longest_first(words)
        tables = {key[len("table_"):]: value for key, value in data.items() if key.startswith("table_")}
        return cls(lists, tables, frozenset(compounds))

    def with_word(self, list_name: str, word: str) -> "Cues":
        if list_name not in CUE_LISTS:
            raise ValueError(f"unknown cue list {list_name!r}; one of {', '.join(CUE_LISTS)}")
        if not isinstance(word, str) or not word:
            raise ValueError("cue text must be a non-empty string")
        lists = dict(self.lists)
        lists[list_name] = _longest_first((*lists[list_name], word))
        return Cues(lists, self.tables, self.compounds)

    @cached_property
    def scanner(self) -> "CueScanner":
        return CueScanner({name: self.lists[name] for name in SCANNED_LISTS})

    @cached_property
    def name_prefixes(self) -> Mapping[str, tuple[str, ...]]:
        """Words that never begin a name (全年, 全市, 其中 …), by first character, longest first."""
        return _by_edge(self.lists["name_prefix_noise"] + self.lists["scope_words"], 0)

    @cached_property
    def name_suffixes(self) -> Mapping[str, tuple[str, ...]]:
        """Words that never end a name (均, 分别, 累计 …), by last character, longest first."""
        return _by_edge(self.lists["name_suffix_noise"], -1)

    @cached_property
    def blockers_by_first(self) -> Mapping[str, tuple[str, ...]]:
        """Words of cue_blockers (共享, 都市圈 …), by first character (see names.NameRules._strip_front)."""
        return _by_edge(self.lists["cue_blockers"], 0)

    @cached_property
    def target_nouns(self) -> frozenset:
        """The goal nouns among the target words (预期目标, 主要目标 …)."""
        return frozenset(w for w in self.lists["target"] if w.endswith("目标"))

    @cached_property
    def section_patterns(self) -> Mapping[str, "re.Pattern"]:
        """Compiled look-ups for headings and paragraph openers (see document.py)."""
        def alternation(words: Iterable[str]) -> str:
            return "|".join(re.escape(w) for w in _longest_first(words)) or "(?!)"
        return {
            "review_opening": re.compile(r"(?:刚刚)?(?:" + alternation(self.lists["review_markers"]) + ")"),
            "review": re.compile(alternation(self.lists["review_markers"])),
            "review_title": re.compile(alternation(self.lists["review_titles"])),
            "plan": re.compile(alternation(self.lists["plan_markers"])),
            "intro_verb": re.compile(alternation(self.lists["plan_intro_verbs"])),
            "block_intro_verb": re.compile(alternation(self.lists["block_intro_verbs"])),
            # 首个300亿元园区, 首个营收超千亿元园区: an order of achievement shortly before a value
            "ordinal_before": re.compile("(?:" + alternation(self.lists["achievement_ordinals"])
                                         + r")[^，,。；;、：:]{0,4}$"),
        }

    @cached_property
    def noise_words(self) -> frozenset:
        """Words that never make a name on their own (see names.py)."""
        lists = ("scope_words", "national_words", "name_prefix_noise", "name_suffix_noise", "adverbs",
                 "result_verbs", "verbs", "peer_groups", "achievement_ordinals")
        words = {w for name in lists for w in self.lists[name]}
        words |= set(self.lists["growth"]) - set(self.lists["growth_nouns"])
        return frozenset(words)

    @cached_property
    def word_info(self) -> Mapping[str, tuple[int, Optional[str]]]:
        """For each scanned word, what the rules ask of every hit of it, worked out once: its predicate
        level (0 never, 1 for growth values only — 增速 is a noun otherwise —, 2 always; a noun suffix after
        a hit still cancels it, see names.NameRules.is_predicate) and its goal tag ("strong", "expected"
        for 预计, "weak", "respectively" for 分别, "done" for a result marker: 已, 目前; or None)."""
        growth_nouns = set(self.lists["growth_nouns"])
        info = {}
        for word, roles in self.scanner.roles.items():
            level = 0 if not roles & PREDICATE_ROLES else (1 if word in growth_nouns else 2)
            if "target" in roles:
                tag = "expected" if "预计" in word or word in self.sets["estimates"] else "strong"
            elif "weak_target" in roles:
                tag = "weak"
            elif "result_markers" in roles:
                tag = "done"
            else:
                tag = "respectively" if word == "分别" else None
            info[word] = (level, tag)
        return info

    @cached_property
    def sets(self) -> Mapping[str, frozenset]:
        """Each list as a set, for membership tests on whole strings."""
        return {name: frozenset(words) for name, words in self.lists.items()}


def _by_edge(words: Iterable[str], edge: int) -> Mapping[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for word in _longest_first(words):
        index.setdefault(word[edge], []).append(word)
    return {char: tuple(group) for char, group in index.items()}


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def default_cues() -> Cues:
    folder = resources.files("policyie.indicators") / "data"
    data = json.loads((folder / "cues.json").read_text("utf-8"))
    compounds = json.loads((folder / "compounds.json").read_text("utf-8"))["compounds"]
    return Cues.from_mapping(data, compounds)


class CueScanner:
    """Leftmost-longest occurrences of the cue words, each with the lists it belongs to.

    One compiled pattern shaped as a trie of the words (增(?:长(?:到|率)?|速)…): at
    each position the regular-expression engine follows the characters and tries
    longer words before shorter ones, so the first match is the longest, and
    ``finditer`` resumes after it.  A trie is about twice as fast as a flat
    alternation of the words.  Holes (the spans of quantities and place names) are
    skipped by scanning the text between them.
    """

    def __init__(self, lists: Mapping[str, Sequence[str]]):
        roles: dict[str, set[str]] = {}
        for name, words in lists.items():
            for word in words:
                roles.setdefault(word, set()).add(name)
        self._roles = {word: frozenset(names) for word, names in roles.items()}
        self._pattern = _trie_pattern(self._roles) if self._roles else None

    @property
    def roles(self) -> Mapping[str, frozenset]:
        """Each scanned word with the lists it belongs to."""
        return self._roles

    def scan(self, text: str, start: int, end: int, holes: Sequence[tuple[int, int]] = ()) -> list[Hit]:
        """Hits in ``text[start:end]``; no hit overlaps a hole (sorted (start, end) spans).

        One pass over the whole span first: when none of its hits touches a hole, they are exactly
        the hits of the span scanned hole by hole (a match inside a gap is the same whether or not the
        scan could have run on), so the slower hole-by-hole scan runs only for the few sentences where
        a cue word and a place or a value overlap (增长 in 增长极, 居 in a place name)."""
        if self._pattern is None:
            return []
        roles = self._roles
        hits = [Hit(*match.span(), match.group(), roles[match.group()])
                for match in self._pattern.finditer(text, start, end)]
        if holes and _touches_a_hole(hits, holes):
            return self._scan_between(text, start, end, holes)
        return hits

    def _scan_between(self, text: str, start: int, end: int, holes: Sequence[tuple[int, int]]) -> list[Hit]:
        hits: list[Hit] = []
        roles = self._roles
        position = start
        for hole_start, hole_end in (*holes, (end, end)):
            if hole_end <= position:
                continue
            stop = min(hole_start, end)
            if stop > position:
                for match in self._pattern.finditer(text, position, stop):
                    word = match.group()
                    hits.append(Hit(match.start(), match.end(), word, roles[word]))
            position = max(position, hole_end)
            if position >= end:
                break
        return hits


def _touches_a_hole(hits: Sequence[Hit], holes: Sequence[tuple[int, int]]) -> bool:
    """Whether a hit overlaps a hole (both sorted by start)."""
    index, count = 0, len(holes)
    for hit in hits:
        while index < count and holes[index][1] <= hit.start:
            index += 1
        if index == count:
            return False
        if holes[index][0] < hit.end:
            return True
    return False


def _trie_pattern(words: Iterable[str]) -> "re.Pattern":
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + "|".join(branches) + ")"
        return body + ("?" if "" in node else "")

    return re.compile(build(trie))


# Roles of the characters of change (增, 减, 降): one right before its amount states the change
_CHANGE_ROLES = frozenset({"growth", "negative"})


def is_word_of_its_own(text: str, hit: Hit, compounds: frozenset, is_boundary=None,
                       amount_at: Optional[Callable[[int], bool]] = None) -> bool:
    """Whether a one-character cue word stands as a word here, not as a letter of another word (起降场, 直达航线,
    增值税, 行列).  With a word segmenter, where its token begins and ends there (``is_boundary``); where the
    segmenter glued it to a neighbour, only a character of change right before its amount (``amount_at``)
    that no word of ``compounds`` covers (同|比降|3%: the segmenter's 比降 is a slope; 起降5000架次 stays a
    count).  Without a segmenter, where no word of ``compounds`` covers it.  Words of change that hold one
    (骤降, 锐减, 递增) are cue words themselves, found by the scan before this question is asked."""
    start = hit.start
    if is_boundary is not None and is_boundary(start) and is_boundary(start + 1):
        return True
    covered = text[start - 1:start + 1] in compounds or text[start:start + 2] in compounds or \
        text[start - 2:start + 1] in compounds or text[start - 1:start + 2] in compounds or \
        text[start:start + 3] in compounds
    if is_boundary is None:
        return not covered
    return not covered and bool(hit.roles & _CHANGE_ROLES) and amount_at is not None and amount_at(hit.end)
