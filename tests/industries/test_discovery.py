"""Discovery: list and cue patterns find terms the lexicon lacks."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from policyie.industries.discovery_report import evaluate, newest_terms
from policyie.industries.tagger import IndustryTagger, _shipped_data, discover_terms

CORPUS = Path(__file__).parents[1] / "corpus" / "industries.jsonl"
TEXTS = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def tagger():
    return IndustryTagger.default()


def discovered(tagger, text):
    return [(m.text, m.sector, m.tiers) for m in tagger.find(text) if m.source == "pattern"]


@pytest.mark.parametrize("text, expected", [
    ("培育硅光芯片、原子级制造等未来产业。",
     [("硅光芯片", "新一代信息技术产业", ("future", "strategic_emerging", "digital")), ("原子级制造", "其他", ("future",))]),
    ("着力推进分子电子、第三代半导体等战略性新兴产业。",
     [("分子电子", "新一代信息技术产业", ("strategic_emerging", "digital"))]),
    ("今年出台光子晶体、原子级制造等未来产业扶持办法。",
     [("光子晶体", "其他", ("future",)), ("原子级制造", "其他", ("future",))]),
    ("大力发展深远海养殖产业。", [("深远海养殖", "其他", ())]),
    ("开辟银发旅游新赛道。", [("银发旅游", "其他", ("traditional",))]),
    ("壮大智能网联装备产业集群。", [("智能网联装备", "其他", ("traditional",))]),
    ("培育元宇宙、Web3等新赛道。", [("Web3", "其他", ())]),
])
def test_discovered_terms(tagger, text, expected):
    assert discovered(tagger, text) == expected


@pytest.mark.parametrize("text", [
    "发展壮大战略性新兴产业。", "培育一批新兴产业和未来产业。", "发展特色优势产业。", "大力发展县域经济。",
    "发展壮大村级集体经济。", "推动传统产业转型升级。", "加强政治、经济、文化等领域合作。",
    "目前粮食、蔬菜等产品供应充足。", "打造世界级生物医药产业集群。",
    "上海制定具身智能、脑机接口等产业扶持办法。", "研究制定数字文旅产业扶持办法。",
    "谋划布局深空深海极地等未来产业。",
])
def test_no_discovery_in_these(tagger, text):
    assert discovered(tagger, text) == []


def test_discovered_records_have_confidence_below_one(tagger):
    matches = [m for text in TEXTS for m in tagger.find(text) if m.source == "pattern"]
    assert len(matches) >= 10
    assert all(0 < m.confidence < 1 for m in matches)


def test_discover_terms_counts_over_a_corpus(tagger):
    counts = discover_terms(["培育光子晶体、原子级制造等未来产业。", "发展光子晶体产业。", "发展新能源汽车产业。"], tagger)
    assert counts == {"光子晶体": 2, "原子级制造": 1}


def test_discovery_finds_recent_terms_removed_from_the_lexicon():
    """Without the 20 newest terms, the cue patterns still find many of them in the corpus."""
    terms, nonterms, rules = _shipped_data()
    newest = newest_terms(terms, 20)
    assert len(newest) == 20 and min(t.since for t in newest) >= 2023
    removed = {surface: term.name for term in newest for surface in term.surfaces}
    reduced = IndustryTagger([t for t in terms if t not in newest], nonterms, rules)
    found = {removed[m.text] for text in TEXTS for m in reduced.find(text)
             if m.source == "pattern" and m.text in removed}
    present = {removed[s] for text in TEXTS for s in removed if len(s) > 1 and s in text}
    assert len(present) >= 12
    assert len(found) >= 9, sorted(found)
    assert {"低空经济", "具身智能", "脑机接口", "银发经济"} <= found


def test_the_discovery_report_counts_gold_mentions_of_removed_terms():
    """The report on two invented gold documents: one mention in a cue context, one without."""
    found = "培育具身智能、原子级制造等未来产业。"
    missed = "具身智能取得突破。"
    documents = [
        {"id": "a", "text": found, "industries": [{"text": "具身智能", "start": 2, "end": 6, "name": "具身智能",
                                                   "sector": "新一代信息技术产业"}]},
        {"id": "b", "text": missed, "industries": [{"text": "具身智能", "start": 0, "end": 4, "name": "具身智能",
                                                    "sector": "新一代信息技术产业"}]},
        {"id": "c", "text": "发展集成电路产业。", "industries": [{"text": "集成电路", "start": 2, "end": 6,
                                                            "name": "集成电路", "sector": "新一代信息技术产业"}]},
    ]
    report = evaluate(documents, newest=20)
    assert (report.occurrences, report.exact, report.overlapping) == (2, 1, 1)
    assert report.by_term["具身智能"] == 2 and report.found_by_term["具身智能"] == 1
    assert any("1/2" in line for line in report.lines())
