"""policyie.to_dataframe: one flat pandas table per record kind."""
import json

import pytest

pd = pytest.importorskip("pandas", reason="pandas is the optional extra policyie[pandas]")

import policyie  # noqa: E402
from policyie.dataframe import columns_of  # noqa: E402
from policyie.records import Indicator, Industry, Region  # noqa: E402

TEXTS = [{"id": "gd", "text": "2023年，广东省新能源汽车产量253万辆，增长8%。", "date": "2024-01-24"},
         {"id": "none", "text": "没有记录。"},
         {"id": "sh", "text": "上海市集成电路产业规模突破3000亿元。", "date": "2024-02-01"}]


@pytest.fixture(scope="module")
def results(nlp):
    return list(policyie.extract_many(TEXTS, nlp=nlp))


def test_one_table_per_kind_with_document_columns_and_every_field(results):
    tables = policyie.to_dataframe(results)
    assert set(tables) == {"regions", "industries", "indicators"}
    for kind, model in (("regions", Region), ("industries", Industry), ("indicators", Indicator)):
        assert list(tables[kind].columns) == ["doc_id", "doc_index", *model.model_fields]
    assert tables["regions"]["doc_id"].tolist() == ["gd", "sh"]
    assert tables["regions"]["doc_index"].tolist() == [0, 2]


def test_values_and_dtypes(results):
    indicators = policyie.to_dataframe(results)["indicators"]
    row = indicators[indicators["text"] == "253万辆"].iloc[0]
    assert (row["value"], row["unit"], row["kind"], row["year"], row["region"]) == (2530000.0, "辆", "level", 2023, "440000")
    assert str(indicators["year"].dtype) == "Int64" and indicators["target"].dtype == bool
    total = sum(len(r.indicators) for r in results)
    assert len(indicators) == total


def test_list_fields_are_flat(results):
    industries = policyie.to_dataframe(results)["industries"]
    assert all(isinstance(cell, str) for cell in industries["tiers"])
    assert "strategic_emerging" in industries["tiers"].iloc[0].split("|")


def test_json_lines_of_the_cli_work_too(results):
    dicts = [json.loads(json.dumps(r.model_dump(), ensure_ascii=False)) for r in results]
    from_dicts = policyie.to_dataframe(dicts)
    from_models = policyie.to_dataframe(results)
    for kind in from_models:
        pd.testing.assert_frame_equal(from_dicts[kind], from_models[kind])


def test_no_results_give_empty_tables_with_the_columns():
    tables = policyie.to_dataframe([])
    assert all(frame.empty and list(frame.columns) == columns_of(kind) for kind, frame in tables.items())


def test_a_wrong_item_is_a_type_error():
    with pytest.raises(TypeError, match="expected an Extraction"):
        policyie.to_dataframe(["text"])
