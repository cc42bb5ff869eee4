"""The industry corpus through the whole policyie pipeline, in both segmenter modes.

The pipeline passes word boundaries (pkuseg mode) and proper-name spans of
other components to the tagger; neither may cost a corpus record.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).parents[1] / "corpus" / "industries.jsonl"
EXAMPLES = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("pipeline", ["nlp", "nlp_char"])
def test_corpus_through_the_pipeline(pipeline, request):
    nlp = request.getfixturevalue(pipeline)
    failures = []
    for example, doc in zip(EXAMPLES, nlp.pipe(example["text"] for example in EXAMPLES)):
        got = [(x.text, x.name, x.sector) for x in doc._.policyie.industries]
        expected = [(r["text"], r["name"], r["sector"]) for r in example["expect"]]
        if got != expected:
            failures.append((example["text"], expected, got))
    assert not failures, failures[:5]
