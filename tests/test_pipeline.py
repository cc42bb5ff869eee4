"""The pipeline as a spaCy Language: components, config, serialisation, API."""
import json
from pathlib import Path

import pytest
import spacy

import policyie
from policyie.api import InputError
from policyie.pipeline import COMPONENTS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports.jsonl"


def example_documents():
    return [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]


def all_records(result):
    return [*result.regions, *result.industries, *result.indicators]


def test_pipeline_has_the_four_components_in_order(nlp):
    assert nlp.lang == "zh"
    assert tuple(nlp.pipe_names) == COMPONENTS
    assert nlp.tokenizer.segmenter == "pkuseg"


def test_components_are_configurable_through_the_spacy_config(nlp):
    assert nlp.config["components"]["policyie_regions"]["use_boundaries"] is True
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "policyie.ChineseTokenizer.v1"


def test_load_returns_the_same_pipeline_once_per_process(nlp):
    assert policyie.load() is nlp


def test_every_record_points_at_its_text(nlp):
    for doc in example_documents():
        result = policyie.extract(doc["text"], date=doc["date"], nlp=nlp)
        assert all_records(result), doc["id"]
        for record in all_records(result):
            assert doc["text"][record.start:record.end] == record.text


def test_results_live_on_the_doc_as_span_groups(nlp):
    doc = nlp("2023年，广东省地区生产总值增长4.8%，新能源汽车产量增长。")
    assert [s.text for s in doc.spans["regions"]] == ["广东省"]
    assert "新能源汽车" in [s.text for s in doc.spans["industries"]]
    assert "4.8%" in [s.text for s in doc.spans["indicators"]]
    assert doc._.policyie.regions[0].code == "440000"


def test_pipeline_round_trips_through_to_disk_and_spacy_load(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    size = sum(p.stat().st_size for p in (tmp_path / "pipeline").rglob("*") if p.is_file())
    assert size < 2_000_000, "the saved pipeline must not copy the model or the shipped data"
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    for doc in example_documents():
        assert loaded(doc["text"])._.policyie == nlp(doc["text"])._.policyie


def test_char_mode_finds_the_same_indicators(nlp, nlp_char):
    for doc in example_documents():
        assert policyie.extract(doc["text"], nlp=nlp_char).indicators == \
            policyie.extract(doc["text"], nlp=nlp).indicators


def test_extract_many_streams_in_input_order(nlp):
    docs = example_documents()
    results = list(policyie.extract_many(docs, nlp=nlp))
    assert [r.id for r in results] == [d["id"] for d in docs]
    assert results[0] == policyie.extract(docs[0]["text"], date=docs[0]["date"], nlp=nlp).model_copy(
        update={"id": docs[0]["id"]})


def test_extract_many_in_two_processes_gives_the_same_records(nlp):
    docs = example_documents() * 2
    assert list(policyie.extract_many(docs, n_process=2, batch_size=1)) == \
        list(policyie.extract_many(docs, nlp=nlp))


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["list"]])
def test_non_text_input_is_a_type_error(bad):
    with pytest.raises(TypeError, match="needs a str"):
        policyie.extract(bad)


def test_extract_many_rejects_items_without_text(nlp):
    with pytest.raises(InputError, match="'text' must be a string"):
        list(policyie.extract_many([{"id": "x"}], nlp=nlp))


def test_empty_text_gives_an_empty_extraction(nlp):
    assert all_records(policyie.extract("", nlp=nlp)) == []
