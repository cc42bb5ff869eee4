"""spaCy component ``policyie_quantities``: every quantity, normalised (internal records)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from policyie.component import PolicyComponent
from policyie.docstate import put_records, text_of


class QuantitiesComponent(PolicyComponent):
    dimension = "quantities"

    def __init__(self, nlp: Language, name: str):
        super().__init__(nlp, name)
        from policyie.quantities.grammar import QuantityGrammar

        self.grammar = QuantityGrammar.default()

    def _apply_rules(self, records: list[dict]) -> None:
        self.grammar.add_rules(records)

    def __call__(self, doc: Doc) -> Doc:
        quantities = self.grammar.find(text_of(doc))
        put_records(doc, "quantities", [quantity_record(q) for q in quantities], label_field="unit")
        return doc


def quantity_record(quantity) -> dict:
    return {"text": quantity.text, "start": quantity.start, "end": quantity.end, "value": quantity.value,
            "unit": quantity.unit, "approx": quantity.approx, "upper": quantity.upper,
            "kind_hint": quantity.kind_hint}


@Language.factory("policyie_quantities", default_config={})
def make_quantities(nlp: Language, name: str) -> QuantitiesComponent:
    return QuantitiesComponent(nlp, name)
