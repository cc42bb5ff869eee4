"""A custom rule pack: the same text with and without the team's own rules.

    python examples/custom_rule_pack.py [PACK.jsonl]

The pack (default: examples/rules/city_pack.jsonl) adds a city nickname, an
industry term, a unit, a target cue word and a metric name; docs/extending.md
explains each line.
"""
import sys
import tempfile
from pathlib import Path

import spacy

import policyie

PACK = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "rules" / "city_pack.jsonl"
# Sentences written for this example.
TEXT = ("鹏城加快发展深远海养殖装备，全年节约能源1.2万吨标煤。"
        "全市研发经费投入强度提高到5.8%，工业产值冲刺1.5万亿元。")


def show(title: str, nlp) -> None:
    result = policyie.extract(TEXT, date="2024-06-01", nlp=nlp)
    print(f"== {title}")
    print("  regions:   ", [(r.text, r.code) for r in result.regions])
    print("  industries:", [(i.text, i.name) for i in result.industries])
    for q in result.indicators:
        print(f"  indicator:  {q.text} unit={q.unit} name={q.name} target={q.target}")


show("shipped rules", policyie.load())
custom = policyie.load(rules=[PACK])
show(f"with {PACK.name}", custom)

# A customised pipeline saves like any spaCy pipeline and loads with spacy.load().
with tempfile.TemporaryDirectory() as directory:
    custom.to_disk(directory)
    show("saved with nlp.to_disk, loaded with spacy.load", spacy.load(directory))
