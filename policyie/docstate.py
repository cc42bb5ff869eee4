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

RECORD_KINDS = ("regions", "industries", "indicators")
INTERNAL_KINDS = ("quantities",)
_KEY = "policyie"


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
