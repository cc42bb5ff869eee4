"""Finding many literal names in a text in one left-to-right pass.

Why not a regex alternation: over thousands of names the `re`/`regex`
engines try every branch at most positions (1.2 M and 0.2 M chars/s measured
for the 6 K region names).  Indexing names by their first two characters and
testing one dictionary key per position finds every occurrence, overlapping
ones included, so the callers decide which to keep.  The positions worth a
look-up are found first by a regex of two character classes (a character that
starts some name, followed by one that comes second in some name): `re` skips
the other positions in C.  Where many names share their first two characters
(中国 starts sixty company names), they are grouped by the third, so that an
occurrence of 中国 tests a few names, not all of them.  On policy text the scan
runs at about 15–17 M chars/s for the region names, where one look-up per
position and a test of every name of the bucket ran at 8–10 M.  One-character names are not supported on purpose: alone they are
abbreviations or puns (SPEC section 4), never safe to match.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Generic, Iterable, Iterator, NamedTuple, Optional, TypeVar

T = TypeVar("T")


class Hit(NamedTuple, Generic[T]):
    start: int
    end: int
    payload: T


class LexiconMatcher(Generic[T]):
    """All occurrences of known strings, each carrying a payload."""

    def __init__(self, entries: Iterable[tuple[str, T]] = ()):
        self._by_prefix: dict[str, list[tuple[str, int, T]]] = defaultdict(list)
        self._payloads: dict[str, T] = {}
        # the start pattern and the index of the names: built on the first scan after a change
        self._compiled: Optional[tuple[re.Pattern, dict[str, tuple]]] = None
        for name, payload in entries:
            self.add(name, payload)

    def add(self, name: str, payload: T) -> None:
        """Add a name (at least two characters); a later payload replaces an earlier one."""
        if len(name) < 2:
            raise ValueError(f"names must have at least two characters: {name!r}")
        bucket = self._by_prefix[name[:2]]
        if name in self._payloads:
            bucket[:] = [item for item in bucket if item[0] != name]
        self._payloads[name] = payload
        bucket.append((name, len(name), payload))
        bucket.sort(key=lambda item: item[1], reverse=True)
        self._compiled = None

    def __contains__(self, name: str) -> bool:
        return name in self._payloads

    def __len__(self) -> int:
        return len(self._payloads)

    def get(self, name: str, default=None):
        return self._payloads.get(name, default)

    def names(self) -> list[str]:
        return list(self._payloads)

    def find_all(self, text: str) -> Iterator[Hit[T]]:
        """Every occurrence, by start position, longest first at each start."""
        for start, end, payload in self.hits(text):
            yield Hit(start, end, payload)

    def hits(self, text: str) -> list[tuple[int, int, T]]:
        """What :meth:`find_all` yields, as a list of plain ``(start, end, payload)`` tuples (for
        callers that read every hit anyway: no generator, no named tuples)."""
        starts, index = self._compile()
        startswith = text.startswith
        found = []
        for match in starts.finditer(text):
            i = match.start()
            entry = index.get(text[i:i + 2])
            if entry is not None:
                by_third, names = entry
                if by_third is not None:
                    names = by_third.get(text[i + 2:i + 3], names)
                for name, length, payload in names:
                    if length == 2 or startswith(name, i):
                        found.append((i, i + length, payload))
        return found

    def find_longest(self, text: str) -> Iterator[Hit[T]]:
        """Leftmost-longest occurrences that do not overlap."""
        resume = 0
        for hit in self.find_all(text):
            if hit.start >= resume:
                resume = hit.end
                yield hit

    def _compile(self) -> tuple[re.Pattern, dict[str, tuple]]:
        """The pattern of the positions where some name's first two characters may stand (a
        first character followed by a second one, each checked alone; the exact pair is the
        index's look-up), and the index."""
        if self._compiled is None:
            prefixes = [prefix for prefix, bucket in self._by_prefix.items() if bucket]
            starts = re.compile(_char_class(p[0] for p in prefixes) + "(?=" + _char_class(p[1] for p in prefixes) + ")"
                                if prefixes else r"(?!)")
            self._compiled = (starts, _build_index(self._by_prefix))
        return self._compiled


SMALL_BUCKET = 3


def _build_index(by_prefix: dict[str, list]) -> dict[str, tuple]:
    """Two characters → (None, the names starting with them, longest first); where more than a
    few names share them (中国 starts sixty company names), the names are also grouped by their
    third character: (third character → its names and then the two-character name, the
    two-character name alone)."""
    index = {}
    for prefix, bucket in by_prefix.items():
        if not bucket:
            continue
        if len(bucket) <= SMALL_BUCKET:
            index[prefix] = (None, tuple(bucket))
            continue
        short = tuple(item for item in bucket if item[1] == 2)
        by_third: dict[str, list] = {}
        for item in bucket:            # longest first, so each group stays longest first
            if item[1] > 2:
                by_third.setdefault(item[0][2], []).append(item)
        index[prefix] = ({third: tuple(items) + short for third, items in by_third.items()}, short)
    return index


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(char) for char in sorted(set(chars))) + "]"
