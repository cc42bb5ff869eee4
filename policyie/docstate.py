"""Where components leave their records on a Doc.

Each dimension's records are plain dicts with the SPEC fields (cheap to build,
and msgpack-serialisable so Docs cross process boundaries in
``nlp.pipe(n_process=N)``), kept in ``doc.user_data`` in text order.  The same
records appear as ``doc.spans[kind]`` (expanded to token boundaries) for
displaCy and span-based tooling; ``doc._.policyie`` validates them into the
pydantic :class:`~policyie.records.Extraction` on demand.
"""
from __future__ import annotations

from spacy.tokens import Doc

from policyie.records import Extraction

RECORD_KINDS = ("regions", "industries", "indicators")
INTERNAL_KINDS = ("quantities",)
_KEY = "policyie"


_TEXT_KEY = (_KEY, "text")


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from every token on each access,
    which cost more than all the engines together on long character-mode Docs."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Record the text a tokenizer built ``doc`` from (see :func:`text_of`)."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def put_records(doc: Doc, kind: str, records: list[dict], label_field: str = "name") -> None:
    """Store ``records`` (sorted by start) and mirror them into ``doc.spans[kind]``."""
    records.sort(key=lambda r: (r["start"], r["end"]))
    doc.user_data[(_KEY, kind)] = records
    spans = []
    for record in records:
        span = doc.char_span(record["start"], record["end"], label=str(record.get(label_field) or kind),
                             alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[kind] = spans


def get_records(doc: Doc, kind: str) -> list[dict]:
    return doc.user_data.get((_KEY, kind), [])


def set_doc_meta(doc: Doc, **meta) -> None:
    """Document-level facts components may use: ``date`` (``YYYY[-MM[-DD]]``), ``id``."""
    doc.user_data.setdefault((_KEY, "meta"), {}).update(meta)


def get_doc_meta(doc: Doc) -> dict:
    return doc.user_data.get((_KEY, "meta"), {})


def extraction_of(doc: Doc) -> Extraction:
    """The validated records of a processed Doc (the getter of ``doc._.policyie``)."""
    return Extraction.model_validate(
        {"id": get_doc_meta(doc).get("id"), **{kind: get_records(doc, kind) for kind in RECORD_KINDS}})


# Registered here, where every component imports from, so that pipelines
# loaded with spacy.load() alone (factories found by entry points) have it too.
if not Doc.has_extension("policyie"):
    Doc.set_extension("policyie", getter=extraction_of)
