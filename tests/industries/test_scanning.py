"""The vectorised scan finds exactly what a position-by-position scan finds."""
from __future__ import annotations

import random

from policyie.industries.scanning import PairIndex, code_points, leftmost_longest_starts
from policyie.industries.tagger import IndustryTagger


def brute_force(names: dict[tuple[str, str], object], text: str) -> dict[str, list]:
    """Every occurrence of every name, kind by kind, by start, longest first (the slow, obvious way)."""
    found: dict[str, list] = {}
    for start in range(len(text)):
        for (name, kind), payload in sorted(names.items(), key=lambda item: -len(item[0][0])):
            if text.startswith(name, start):
                found.setdefault(kind, []).append((start, start + len(name), payload))
    return found


def test_scan_equals_a_position_by_position_scan():
    rng = random.Random(7)
    alphabet = "新能源汽车产业园区以旧换新业人工智能AI6G𠀀𠀁\ud800，。 "
    names = {}
    for number in range(60):
        name = "".join(rng.choice(alphabet) for _ in range(rng.randint(2, 5)))
        names[(name, rng.choice(["term", "block", "marker"]))] = number
    index = PairIndex(kinds=["term", "block", "marker"])
    for (name, kind), payload in names.items():
        index.add(name, payload, kind)
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        found = index.scan(text)
        expected = brute_force(names, text)
        for kind in ("term", "block", "marker"):
            assert found[index.slot(kind)] == expected.get(kind, []), (text, kind)


def test_a_later_payload_of_the_same_kind_replaces_the_earlier_one():
    index = PairIndex()
    index.add("光伏", 1)
    index.add("光伏", 2)
    index.add("光伏", 3, kind="marker")
    assert index.scan("发展光伏") == [[(2, 4, 2)], [(2, 4, 3)]]
    assert (index.slot(""), index.slot("marker")) == (0, 1)


def test_code_points_keep_string_offsets():
    text = "a𠀀\ud800新"
    assert code_points(text).tolist() == [ord(char) for char in text]


def test_leftmost_longest_starts_skip_overlaps():
    assert leftmost_longest_starts([(0, 4, None), (2, 4, None), (4, 6, None), (5, 7, None)]) == [0, 4]


def test_a_rule_pack_term_inside_a_non_term_is_blocked_by_it():
    tagger = IndustryTagger.default()
    tagger.add_terms([{"name": "民营", "aliases": [], "sector": "其他", "category": None,
                       "tiers": ["traditional"], "source": "test"}])
    assert tagger.find("壮大民营经济。") == []
    assert [m.text for m in tagger.find("民营资本进入民营产业。")] == ["民营", "民营"]
