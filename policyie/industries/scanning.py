"""Every occurrence of the industry vocabulary in one pass, with the candidate positions found by numpy.

The tagger needs all occurrences of its terms, its non-terms and a few marker
words (name suffixes such as 产业园, goods cues such as 以旧换新), overlapping
ones included, each kind apart. :class:`~policyie.matching.LexiconMatcher`
visits positions in Python (about 10 M chars/s). Here the positions worth a
visit come from vectorised look-ups: the text as an array of code points, each
mapped to the id of its character as the first, second and third character of
a name, then a table of the known first pairs and of the third characters that
follow each. Python visits only those positions (one in seventeen on report
text) and finds there exactly the occurrences of a position-by-position scan;
the whole scan runs at about 30 M chars/s. Short texts skip numpy, whose fixed
cost per call would outweigh what it saves.

The same idea could serve ``policyie.matching`` (owned by the regions
dimension); it lives here so that industries' speed does not wait for it.
"""
from __future__ import annotations

from typing import Generic, Optional, Sequence, TypeVar

import numpy as np

T = TypeVar("T")
BMP = 0x10000  # code points above the Basic Multilingual Plane share one table slot (checked exactly later)
# Below this many characters numpy's fixed cost per call (a few microseconds for the dozen calls of a
# scan) outweighs what it saves, and positions are visited in Python: same occurrences.
SHORT_TEXT = 256


def short(text: str) -> bool:
    """Whether ``text`` is better looked at in Python than with numpy."""
    return len(text) < SHORT_TEXT


def code_points(text: str) -> np.ndarray:
    """The text as an array of code points, one per ``str`` index (lone surrogates kept)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


class PairIndex(Generic[T]):
    """Names (two characters or more) with payloads, indexed by their first two characters.

    Every name belongs to a ``kind`` (terms, non-terms, marker words …), and a
    scan lists the occurrences of each kind apart. A name may carry one payload
    per kind (a term and a marker word may be the same string); a later
    payload of the same name and kind replaces the earlier one.
    """

    def __init__(self, kinds: Sequence[str] = ()) -> None:
        self._kinds: dict[str, int] = {kind: slot for slot, kind in enumerate(kinds)}  # kind → its slot in a scan
        # first two characters → (slot and payload of the two-character names, third character →
        # the longer names as (name, length, slot, payload), longest first): a position costs a
        # look-up per level, not a comparison per name that shares its first two characters.
        self._buckets: dict[str, tuple[list[tuple[int, T]], dict[str, list[tuple[str, int, int, T]]]]] = {}
        self._entries: dict[str, dict[tuple[str, int], T]] = {}   # first two characters → (name, slot) → payload
        self._tables: Optional[tuple[np.ndarray, np.ndarray, np.ndarray]] = None  # built on the next scan

    def add(self, name: str, payload: T, kind: str = "") -> None:
        if len(name) < 2:
            raise ValueError(f"names must have at least two characters: {name!r}")
        slot = self.slot(kind)
        self._entries.setdefault(name[:2], {})[(name, slot)] = payload
        self._rebuild_bucket(name[:2])
        self._tables = None

    def _rebuild_bucket(self, prefix: str) -> None:
        entries = sorted(((name, slot, payload) for (name, slot), payload in self._entries[prefix].items()),
                         key=lambda entry: -len(entry[0]))
        pairs = [(slot, payload) for name, slot, payload in entries if len(name) == 2]
        longer: dict[str, list[tuple[str, int, int, T]]] = {}
        for name, slot, payload in entries:
            if len(name) > 2:
                longer.setdefault(name[2], []).append((name, len(name), slot, payload))
        self._buckets[prefix] = (pairs, longer)

    def slot(self, kind: str) -> int:
        """Where a scan lists the occurrences of ``kind`` (the kinds given to the constructor come first, in order)."""
        return self._kinds.setdefault(kind, len(self._kinds))

    def scan(self, text: str, codes: Optional[np.ndarray] = None) -> list[list[tuple[int, int, T]]]:
        """Every occurrence as ``(start, end, payload)``, one list per kind (see :meth:`slot`): by
        start, longest first at each start."""
        found: list[list[tuple[int, int, T]]] = [[] for _ in self._kinds]
        if len(text) >= 2 and self._buckets:
            buckets, startswith = self._buckets, text.startswith
            for i in self.candidates(text if codes is None else None, codes):
                bucket = buckets.get(text[i:i + 2])  # None only beyond the Basic Multilingual Plane
                if bucket is None:
                    continue
                pairs, longer = bucket
                if longer:
                    for name, length, slot, payload in longer.get(text[i + 2:i + 3], ()):
                        if startswith(name, i):
                            found[slot].append((i, i + length, payload))
                for slot, payload in pairs:
                    found[slot].append((i, i + 2, payload))
        return found

    def candidates(self, text: Optional[str], codes: Optional[np.ndarray] = None) -> list[int]:
        """Positions where the first two characters of some name stand, followed by a character
        that comes third in one of those names (or that start a two-character name)."""
        if codes is None:
            if len(text) < SHORT_TEXT:
                buckets = self._buckets
                return [i for i in range(len(text) - 1) if text[i:i + 2] in buckets]
            codes = code_points(text)
        firsts, seconds, prefix_ids, has_pair, thirds, third_ok = self._lookup_tables()
        # mode="clip": code points beyond the BMP share the last slot (names there are checked exactly)
        ids = prefix_ids.take(firsts.take(codes[:-1], mode="clip") + seconds.take(codes[1:], mode="clip"))
        positions = ids.nonzero()[0]
        if positions.size:
            found = ids[positions]
            third = np.zeros(positions.size, dtype=thirds.dtype)
            inside = positions + 2 < codes.size
            third[inside] = thirds.take(codes[positions[inside] + 2], mode="clip")
            positions = positions[has_pair[found] | third_ok[found, third]]
        return positions.tolist()

    def _lookup_tables(self) -> tuple[np.ndarray, ...]:
        """Ids of the characters that come first, second and third in names; the table of known
        first pairs (an id per pair), whether a pair is a name itself, and which third characters
        follow each pair."""
        if self._tables is None:
            def ids_of(chars: set[int]) -> np.ndarray:
                table = np.zeros(BMP, dtype=np.uint16)
                table[sorted(chars)] = np.arange(1, len(chars) + 1)
                return table

            def slot(char: str) -> int:
                return min(ord(char), BMP - 1)

            prefixes = sorted(self._buckets)
            firsts = ids_of({slot(prefix[0]) for prefix in prefixes})
            seconds = ids_of({slot(prefix[1]) for prefix in prefixes})
            thirds = ids_of({slot(char) for prefix in prefixes for char in self._buckets[prefix][1]})
            width = int(seconds.max()) + 1
            id_type = np.uint16 if len(prefixes) < 0xFFFF else np.int32  # small tables stay in the cache
            prefix_ids = np.zeros((int(firsts.max()) + 1) * width, dtype=id_type)  # id of first * width + id of second
            has_pair = np.zeros(len(prefixes) + 1, dtype=bool)
            third_ok = np.zeros((len(prefixes) + 1, int(thirds.max()) + 1), dtype=bool)
            for number, prefix in enumerate(prefixes, 1):
                prefix_ids[int(firsts[slot(prefix[0])]) * width + int(seconds[slot(prefix[1])])] = number
                pairs, longer = self._buckets[prefix]
                has_pair[number] = bool(pairs)
                third_ok[number, [thirds[slot(char)] for char in longer]] = True
            # first ids scaled by the width, so that one addition gives the pair's place
            firsts = firsts.astype(np.int32) * width
            self._tables = firsts, seconds, prefix_ids, has_pair, thirds, third_ok
        return self._tables


def leftmost_longest_starts(occurrences: list[tuple[int, int, object]]) -> list[int]:
    """Starts of the non-overlapping occurrences a leftmost-longest scan keeps (what ``re.finditer``
    over a longest-first alternation of the same words finds); ``occurrences`` by start, longest first."""
    starts, resume = [], 0
    for start, end, _ in occurrences:
        if start >= resume:
            starts.append(start)
            resume = end
    return starts
