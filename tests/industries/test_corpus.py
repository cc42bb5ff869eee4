"""The industry corpus: each example's exact list of records (text, name, sector)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from policyie.industries.tagger import IndustryTagger
from policyie.records import Industry

CORPUS = Path(__file__).parents[1] / "corpus" / "industries.jsonl"
EXAMPLES = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def tagger():
    return IndustryTagger.default()


def test_the_corpus_is_large_and_has_negative_examples():
    assert len(EXAMPLES) >= 200
    assert sum(1 for example in EXAMPLES if not example["expect"]) >= 50
    for example in EXAMPLES:
        assert set(example) == {"text", "expect", "note"}
        for record in example["expect"]:
            assert set(record) == {"text", "name", "sector"} and record["text"] in example["text"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:24] for e in EXAMPLES])
def test_example(tagger, example):
    text = example["text"]
    matches = tagger.find(text)
    got = [(m.text, m.name, m.sector) for m in matches]
    expected = [(r["text"], r["name"], r["sector"]) for r in example["expect"]]
    assert got == expected, example["note"]
    for m in matches:
        assert text[m.start:m.end] == m.text
        Industry(text=m.text, start=m.start, end=m.end, name=m.name, sector=m.sector, category=m.category,
                 tiers=list(m.tiers), source=m.source, confidence=m.confidence)
