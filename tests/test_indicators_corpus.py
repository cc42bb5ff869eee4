"""End-to-end indicator examples (tests/corpus/indicators.jsonl), Duckling style.

Each case lists the indicators expected in its text, in order; only the
fields a case names are compared, so a case says exactly what it tests.
"""
import json
from pathlib import Path

import pytest

import policyie

CORPUS = Path(__file__).parent / "corpus" / "indicators.jsonl"
CASES = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def compare(expected: dict, record) -> dict:
    """The fields of ``expected`` that ``record`` gets wrong."""
    wrong = {}
    for field, value in expected.items():
        actual = getattr(record, field)
        if field in ("value", "upper") and value is not None and actual is not None:
            if abs(actual - value) > 1e-6 * max(1.0, abs(value)):
                wrong[field] = actual
        elif actual != value:
            wrong[field] = actual
    return wrong


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:24] for c in CASES])
def test_indicator_example(nlp, case):
    result = policyie.extract(case["text"], date=case.get("date"), nlp=nlp)
    found = {r.text: r for r in result.indicators}
    for expected in case["expect"]:
        assert expected["text"] in found, f"missing {expected['text']!r}; found {list(found)}"
        assert compare(expected, found[expected["text"]]) == {}, case.get("note")
    assert len(result.indicators) == len(case["expect"]), [r.text for r in result.indicators]
