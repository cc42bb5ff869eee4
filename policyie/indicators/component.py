"""spaCy component ``policyie_indicators``: quantities that state a value, with their attributes."""
from __future__ import annotations

from types import SimpleNamespace

from spacy.language import Language
from spacy.tokens import Doc

from policyie.component import PolicyComponent
from policyie.docstate import get_doc_meta, get_records, put_records, text_of
from policyie.indicators.engine import IndicatorBuilder
from policyie.regions.component import region_scope_of


class IndicatorsComponent(PolicyComponent):
    dimension = "indicators"

    def __init__(self, nlp: Language, name: str):
        super().__init__(nlp, name)
        self.builder = IndicatorBuilder()

    def _apply_rules(self, records: list[dict]) -> None:
        self.builder.add_rules(records)

    def __call__(self, doc: Doc) -> Doc:
        quantities = [SimpleNamespace(**q) for q in get_records(doc, "quantities")]
        scope = region_scope_of(doc)
        records = self.builder.build(text_of(doc), quantities, date=get_doc_meta(doc).get("date"),
                                     region_at=scope, regions=get_records(doc, "regions"),
                                     is_boundary=self.boundary_checker(doc))
        put_records(doc, "indicators", records, label_field="unit")
        return doc


@Language.factory("policyie_indicators", default_config={})
def make_indicators(nlp: Language, name: str) -> IndicatorsComponent:
    return IndicatorsComponent(nlp, name)
