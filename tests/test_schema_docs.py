from pathlib import Path

from policyie.schema import records_markdown, schema_json

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_published_schema_is_current():
    assert (DOCS / "extraction.schema.json").read_text(encoding="utf-8") == schema_json(), \
        "run: python -m policyie.schema docs/"


def test_records_reference_is_current():
    assert (DOCS / "records.md").read_text(encoding="utf-8") == records_markdown(), \
        "run: python -m policyie.schema docs/"
