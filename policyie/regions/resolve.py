"""Choosing the code of a name that several units share (鼓楼区 ×4, 朝阳, 吉林, 海南, 江北区).

In order, the first rule that leaves one code wins:

1. a parent written right before the name (北京朝阳, 长春市朝阳区, 福州鼓楼);
2. a province's name is the province (吉林, not 吉林市; 河北, not 天津's 河北区), and a unit wins
   over the units inside it that share its name (南昌: the city, not 南昌县);
3. the document's context: each unambiguous mention votes for itself and the units above it,
   mentions nearby and in the title count more; the candidate whose parents got most votes wins;
4. a default set by a rule pack (``{"type": "alias", "text": "朝阳区", "code": "110105",
   "default": true}``);
5. one candidate ranks above the others (a prefecture among counties);

otherwise the code stays null and ``candidates`` lists the codes.  Former names (江北区 for 重庆's
two-river district, merged in 2025) are considered only when the context points to them.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from typing import TYPE_CHECKING

from .lexicon import Sense, preferred_sense
from .table import COUNTRY_CODE, LEVEL_RANK, DivisionTable

if TYPE_CHECKING:
    from .tagger import Candidate

NEARBY = 200          # characters within which a mention counts as nearby
NEARBY_WEIGHT = 2
TITLE_WEIGHT = 3


def resolve_all(text: str, candidates: list["Candidate"], table: DivisionTable) -> None:
    votes = None   # counted at the first name that needs the context: many texts have none
    previous = None
    for candidate in candidates:
        fixed = candidate.surface.fixed
        if fixed is not None:   # one code, or only zones and groups: nothing to decide
            candidate.chosen = fixed
        else:
            if votes is None:
                votes = Votes(text, candidates)
            _resolve(candidate, previous, votes, table)
        previous = candidate


class Votes:
    """Weighted mentions of units: each unambiguous division mention votes for its unit and the
    units above it (``Surface.vote``: ambiguous names, former namesakes included, do not vote),
    title mentions more; summed over the document, or within NEARBY characters of a position."""

    def __init__(self, text: str, candidates: list["Candidate"]):
        title_end = text.find("\n")
        self.total: dict[str, int] = {}
        self._where: dict[str, tuple[list[int], list[int]]] = {}   # unit → positions, running sums
        for candidate in candidates:   # in text order
            weight = TITLE_WEIGHT if 0 <= candidate.start < title_end else 1
            for code in candidate.surface.vote:
                self.total[code] = self.total.get(code, 0) + weight
                positions, sums = self._where.setdefault(code, ([], [0]))
                positions.append(candidate.start)
                sums.append(sums[-1] + weight)

    def near(self, code: str, position: int) -> int:
        """The votes for ``code`` within NEARBY characters of ``position``."""
        where = self._where.get(code)
        if where is None:
            return 0
        positions, sums = where
        return sums[bisect_right(positions, position + NEARBY)] - sums[bisect_left(positions, position - NEARBY)]


def _unique_codes(senses: list[Sense]) -> list[str]:
    return list(dict.fromkeys(s.code for s in senses if s.code))


def _support(code: str, position: int, votes: Votes, table: DivisionTable) -> int:
    """Votes for the units above ``code`` (not for itself: that would favour the name's own
    mentions), nearby votes counting double."""
    above = set(table.ancestors(code)) - {COUNTRY_CODE}
    return sum(votes.total.get(a, 0) + (NEARBY_WEIGHT - 1) * votes.near(a, position) for a in above)


def _resolve(candidate: "Candidate", previous, votes, table: DivisionTable) -> None:
    senses = candidate.senses
    codes = list(candidate.surface.codes)
    if not codes or len(codes) == 1 or all(s.level in ("zone", "group") for s in senses):
        candidate.chosen = _preferred_sense(senses, codes[:1] or [None])
        return
    current = _unique_codes([s for s in senses if s.form != "former"])
    former = [c for c in codes if c not in current]
    if len(current) == 1:   # a current name and some former namesakes
        picked = (_by_written_parent(codes, candidate, previous, table)
                  or _by_context(codes, candidate, votes, table) or current[0])
        candidate.chosen = _preferred_sense(senses, [picked])
        return
    for rule in (_by_written_parent, _by_own_province):
        picked = rule(current, candidate, previous, table)
        if picked:
            candidate.chosen = _preferred_sense(senses, [picked])
            return
    picked = _by_context(current + former, candidate, votes, table)
    if picked is None:
        defaults = _unique_codes([s for s in senses if s.default])
        picked = defaults[0] if len(defaults) == 1 else None
    if picked is None:
        picked = _by_rank(current, table) if current else None
    if picked is None and not current and len(former) == 1:
        picked = former[0]
    if picked is not None:
        candidate.chosen = _preferred_sense(senses, [picked])
    else:
        candidate.options = tuple(sorted(current or former))


_preferred_sense = preferred_sense


def _by_written_parent(codes, candidate, previous, table) -> str | None:
    if previous is None or previous.chosen is None or previous.end != candidate.start:
        return None
    parent = previous.chosen.code
    inside = [code for code in codes if parent and table.is_within(code, parent) and code != parent]
    return inside[0] if len(inside) == 1 else None


def _by_own_province(codes, candidate, previous, table) -> str | None:
    """A province's name is the province (吉林, 海南, 河北 — not 吉林市, 海南州, 天津's 河北区);
    a unit and the units inside it share the name: the larger one (南昌, 铁岭)."""
    provinces = [code for code in codes if table.get(code).level == "province"]
    if len(provinces) == 1:
        return provinces[0]
    for code in codes:
        if all(other == code or table.is_within(other, code) for other in codes):
            return code
    return None


def _by_context(codes, candidate, votes, table) -> str | None:
    scores = {code: _support(code, candidate.start, votes, table) for code in codes}
    best = max(scores.values())
    if best <= 0:
        return None
    winners = [code for code, score in scores.items() if score == best]
    if len(winners) != 1:
        return None
    winner = winners[0]
    if not votes.total.get(winner):
        # 朝阳 in a text about 朝阳市: the votes for the city back 朝阳县 inside it, but the text
        # names the city, never the county — the name is the city's
        for code in codes:
            if code != winner and votes.total.get(code) and table.is_within(winner, code):
                return code
    return winner


def _by_rank(codes, table: DivisionTable) -> str | None:
    ranks = Counter(LEVEL_RANK[table.get(code).level] for code in codes)
    top = min(ranks)
    if ranks[top] == 1 and top < LEVEL_RANK["county"]:
        return next(code for code in codes if LEVEL_RANK[table.get(code).level] == top)
    return None
