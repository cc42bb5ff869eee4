"""Very long documents in bounded memory.

A spaCy Doc costs a few hundred bytes per token, so a 10 MB document would
need gigabytes at once.  Texts longer than ``PIECE_CHARS`` are processed in
pieces cut at paragraph boundaries (else sentence ends, else anywhere), and
the records' offsets are mapped back onto the whole text.

What the engines read from a document's opening (the report's year, its own
region) would be lost for later pieces, so every later piece is processed
behind a copy of the document head; records found inside that copy are
dropped.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from spacy.language import Language

from policyie.docstate import RECORD_KINDS, get_records, set_doc_meta
from policyie.records import Extraction

PIECE_CHARS = 100_000
HEAD_CHARS = 600
_SENTENCE_END = re.compile(r"[。！？!?；;]")


def cut_point(text: str, start: int, limit: int) -> int:
    """Where the piece starting at ``start`` should end: a paragraph end, else a sentence end."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window_start = start + limit // 2
    newline = text.rfind("\n", window_start, end)
    if newline >= 0:
        return newline + 1
    last = None
    for last in _SENTENCE_END.finditer(text, window_start, end):
        pass
    return last.end() if last else end


def pieces(text: str, limit: int = PIECE_CHARS) -> Iterator[tuple[int, int]]:
    start = 0
    while start < len(text):
        end = cut_point(text, start, limit)
        yield start, end
        start = end


def document_head(text: str, limit: int = HEAD_CHARS) -> str:
    """The opening lines (title, date line, salutation) that set document-level context."""
    head = text[:limit]
    newline = head.rfind("\n")
    return head[: newline + 1] if newline > 0 else head


def extract_long(nlp: Language, text: str, date: Optional[str] = None, doc_id: Optional[str] = None,
                 limit: int = PIECE_CHARS) -> Extraction:
    head = document_head(text)
    records: dict[str, list] = {kind: [] for kind in RECORD_KINDS}
    for start, end in pieces(text, limit):
        prefix = head if start > 0 and head else ""
        doc = nlp.make_doc(prefix + text[start:end])
        set_doc_meta(doc, date=date, id=doc_id)
        doc = nlp(doc)
        shift = start - len(prefix)
        # validated piece by piece: only one piece's plain dicts exist at a time
        piece = Extraction.model_validate({
            kind: [{**record, "start": record["start"] + shift, "end": record["end"] + shift}
                   for record in get_records(doc, kind) if record["start"] >= len(prefix)]
            for kind in RECORD_KINDS})
        for kind in RECORD_KINDS:
            records[kind].extend(getattr(piece, kind))
    return Extraction(id=doc_id, **records)
