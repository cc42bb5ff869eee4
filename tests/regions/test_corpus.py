"""Every example of tests/corpus/regions.jsonl: the exact list of region records expected."""
import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).parents[1] / "corpus" / "regions.jsonl"
CASES = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_corpus_is_large_enough():
    assert len(CASES) >= 200
    assert sum(1 for case in CASES if not case["expect"]) >= 40   # negatives
    assert sum(1 for case in CASES if "scope" in case) >= 10


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:24] for c in CASES])
def test_example(tagger, case):
    matches = tagger.find(case["text"])
    got = [{"text": m.text, "code": m.code, "level": m.level} for m in matches]
    assert got == case["expect"], case["note"]
    for m in matches:
        assert case["text"][m.start:m.end] == m.text
    if "scope" in case:
        scope = tagger.scope(case["text"], matches)
        for check in case["scope"]:
            offset = case["text"].index(check["at"])
            assert scope.region_at(offset) == check["code"], f"{check['at']}: {case['note']}"
