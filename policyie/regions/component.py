"""spaCy component ``policyie_regions``: places named in the text, and the region scope.

Besides the region records it leaves the *region scope* on the Doc: for every
offset, the code of the region governing that sentence (its own subject, a
section heading, the report's own region).  The scope is stored as sorted
breakpoints ``[offset, code]`` so Docs stay serialisable; indicators read it
through :func:`region_scope_of`.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Callable, Optional

from spacy.language import Language
from spacy.tokens import Doc

from policyie.component import PolicyComponent
from policyie.docstate import put_records, text_of

_SCOPE_KEY = ("policyie", "region_scope")


class RegionsComponent(PolicyComponent):
    dimension = "regions"

    def __init__(self, nlp: Language, name: str, use_boundaries: bool = True):
        super().__init__(nlp, name)
        from policyie.regions.tagger import RegionTagger

        self.tagger = RegionTagger.default()
        self.use_boundaries = use_boundaries

    def _apply_rules(self, records: list[dict]) -> None:
        self.tagger.add_rules(records)

    def segmenter_words(self) -> list[str]:
        return list(self.tagger.segmenter_words())

    def __call__(self, doc: Doc) -> Doc:
        is_boundary = self.boundary_checker(doc) if self.use_boundaries else None
        # one scan gives the records, the scope and the proper names (for industries)
        reading = self.tagger.read(text_of(doc), is_boundary=is_boundary)
        put_records(doc, "regions", [region_record(m) for m in reading.matches])
        doc.user_data[_SCOPE_KEY] = scope_breakpoints(reading.scope)
        doc.user_data[("policyie", "proper_names")] = [list(span) for span in reading.proper_names]
        return doc


def region_record(match) -> dict:
    record = {"text": match.text, "start": match.start, "end": match.end, "code": match.code,
              "name": match.name, "level": match.level}
    if match.candidates:
        record["candidates"] = list(match.candidates)
    if match.members:
        record["members"] = list(match.members)
    if match.parent:
        record["parent"] = match.parent
    return record


def scope_breakpoints(scope) -> list[list]:
    """The scope as ``[offset, code]`` pairs where the governing region may change."""
    return [[offset, code] for offset, code in scope.breakpoints()]


def region_scope_of(doc: Doc) -> Optional[Callable[[int], Optional[str]]]:
    """``offset -> code`` of the governing region, or None when regions did not run."""
    points = doc.user_data.get(_SCOPE_KEY)
    if points is None:
        return None
    offsets = [p[0] for p in points]

    def region_at(offset: int) -> Optional[str]:
        index = bisect_right(offsets, offset) - 1
        return points[index][1] if index >= 0 else None

    return region_at


@Language.factory("policyie_regions", default_config={"use_boundaries": True})
def make_regions(nlp: Language, name: str, use_boundaries: bool) -> RegionsComponent:
    return RegionsComponent(nlp, name, use_boundaries)
