import pytest
from pydantic import ValidationError

from policyie.records import Extraction, Indicator, Region


def test_region_record_round_trips_through_json():
    region = Region(text="广东", start=0, end=2, code="440000", name="广东省", level="province")
    assert Region.model_validate_json(region.model_dump_json()) == region


def test_span_must_fit_text():
    with pytest.raises(ValidationError, match="does not fit"):
        Region(text="广东", start=0, end=3, code="440000", name="广东省", level="province")


def test_unknown_level_is_rejected():
    with pytest.raises(ValidationError):
        Region(text="广东", start=0, end=2, code="440000", name="广东省", level="city")


def test_indicator_defaults_follow_spec():
    indicator = Indicator(text="8.8%", start=3, end=7, value=8.8, unit="%")
    assert (indicator.approx, indicator.kind, indicator.target, indicator.upper) == ("exact", "level", False, None)


def test_extraction_schema_names_every_spec_field():
    schema = Extraction.model_json_schema()
    fields = set(schema["$defs"]["Indicator"]["properties"])
    assert {"text", "start", "end", "value", "unit", "approx", "kind", "name", "year", "region",
            "target", "upper"} <= fields
