"""spaCy component ``policyie_industries``: industry terms with canonical name and sector."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from policyie.component import PolicyComponent
from policyie.docstate import put_records, text_of


class IndustriesComponent(PolicyComponent):
    dimension = "industries"

    def __init__(self, nlp: Language, name: str, use_boundaries: bool = True, discover: bool = True):
        super().__init__(nlp, name)
        from policyie.industries.tagger import IndustryTagger

        self.tagger = IndustryTagger.default()
        self.use_boundaries = use_boundaries
        self.discover = discover

    def _apply_rules(self, records: list[dict]) -> None:
        self.tagger.add_terms(records)

    def segmenter_words(self) -> list[str]:
        return list(self.tagger.segmenter_words())

    def __call__(self, doc: Doc) -> Doc:
        is_boundary = self.boundary_checker(doc) if self.use_boundaries else None
        excluded = [tuple(span) for span in doc.user_data.get(("policyie", "proper_names"), [])]
        matches = self.tagger.find(text_of(doc), is_boundary=is_boundary, excluded=excluded)
        if not self.discover:
            matches = [m for m in matches if m.source != "pattern"]
        put_records(doc, "industries", [industry_record(m) for m in matches])
        return doc


def industry_record(match) -> dict:
    return {"text": match.text, "start": match.start, "end": match.end, "name": match.name,
            "sector": match.sector, "category": match.category, "tiers": list(match.tiers),
            "source": match.source, "confidence": match.confidence}


@Language.factory("policyie_industries", default_config={"use_boundaries": True, "discover": True})
def make_industries(nlp: Language, name: str, use_boundaries: bool, discover: bool) -> IndustriesComponent:
    return IndustriesComponent(nlp, name, use_boundaries, discover)
