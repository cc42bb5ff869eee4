"""Extraction on a Dask cluster: over a bag of documents or a DataFrame column.

    import dask.bag as db
    from distributed import Client
    import policyie.dask

    client = Client("tcp://scheduler:8786")          # or a LocalCluster
    docs = db.read_text("reports-*.jsonl").map(json.loads)
    results = policyie.dask.extract_bag(docs, rules=["my-pack.jsonl"])
    tables = policyie.dask.record_frames(results)     # dask DataFrames, like to_dataframe
    tables["indicators"].to_parquet("indicators/")

Each partition goes through one ``nlp.pipe`` call; each worker process builds
the pipeline once (per segmenter and rule set) and keeps it.  Rule packs are
read on the client and shipped as records, so the workers need the policyie
package but not the pack files.  Results are the plain dicts of the exchange
format (SPEC section 2), which every Dask serialiser handles.

Needs the ``dask`` extra: ``pip install 'policyie[dask]'`` (dask, distributed, pandas).
See docs/scaling.md.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Iterable, Optional

try:
    import dask.bag as db
    import dask.dataframe as dd
except ImportError:   # pragma: no cover - the message is the point
    raise ImportError("policyie.dask needs the dask extra: pip install 'policyie[dask]'") from None

import pandas as pd

from policyie.dataframe import RECORD_MODELS, to_dataframe


# -- on the workers -------------------------------------------------------------------------

@lru_cache(maxsize=4)
def _worker_pipeline(segmenter: str, rules_json: str):
    """The pipeline of one worker process (built on first use, then reused)."""
    from policyie.api import load

    return load(segmenter, rules=json.loads(rules_json) if rules_json else ())


def _extract_partition(items: Iterable[Any], segmenter: str, rules_json: str, batch_size: int) -> list[dict]:
    from policyie.api import extract_many

    nlp = _worker_pipeline(segmenter, rules_json)
    return [result.model_dump() for result in extract_many(list(items), nlp=nlp, batch_size=batch_size)]


def _extract_rows(frame: pd.DataFrame, column: str, id_column: Optional[str], date_column: Optional[str],
                  segmenter: str, rules_json: str, batch_size: int) -> pd.Series:
    items = []
    for index, row in frame.iterrows():
        doc_id = row[id_column] if id_column else index
        date = row[date_column] if date_column else None
        items.append({"text": row[column], "id": None if _missing(doc_id) else str(doc_id),
                      "date": None if _missing(date) else str(date)})
    results = _extract_partition(items, segmenter, rules_json, batch_size)
    return pd.Series(results, index=frame.index, dtype=object, name="policyie")


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _tables_of_partition(results: Iterable[dict]) -> list[dict[str, pd.DataFrame]]:
    return [to_dataframe(list(results))]


# -- on the client --------------------------------------------------------------------------

def _rules_json(rules: Iterable) -> str:
    """Rule packs read and checked here; the workers rebuild them from the records."""
    from policyie.api import _rules_as_json

    rules = tuple(rules or ())
    return _rules_as_json(rules) if rules else ""


def extract_bag(documents: "db.Bag", *, segmenter: str = "pkuseg", rules: Iterable = (),
                batch_size: int = 32) -> "db.Bag":
    """A bag of result dicts (``{"id", "regions", "industries", "indicators"}``), one per document.

    Documents are strings or mappings with ``text`` and optional ``id`` and ``date``.
    """
    rules_json = _rules_json(rules)
    return documents.map_partitions(_extract_partition, segmenter, rules_json, batch_size)


def extract_column(frame: "dd.DataFrame", column: str = "text", *, id_column: Optional[str] = None,
                   date_column: Optional[str] = None, segmenter: str = "pkuseg", rules: Iterable = (),
                   batch_size: int = 32) -> "dd.Series":
    """The result dicts of the texts in ``frame[column]``, as a Series aligned with ``frame``.

    Ids come from ``id_column`` (or the index), dates from ``date_column``.
    """
    missing = [c for c in (column, id_column, date_column) if c and c not in frame.columns]
    if missing:
        raise KeyError(f"no column {missing[0]!r} in the frame (columns: {', '.join(map(str, frame.columns))})")
    rules_json = _rules_json(rules)
    return frame.map_partitions(_extract_rows, column, id_column, date_column, segmenter, rules_json, batch_size,
                                meta=pd.Series([], dtype=object, name="policyie"))


def record_frames(results: "db.Bag | dd.Series") -> dict[str, "dd.DataFrame"]:
    """Flat Dask DataFrames per record kind from result dicts, as :func:`policyie.to_dataframe`
    builds pandas ones (``doc_index`` counts within each partition here).

    The three frames share the extraction graph: compute them together
    (``dask.compute(*frames.values())``) or ``persist()`` the results first,
    or each frame runs the extraction again.
    """
    if isinstance(results, dd.Series):
        results = results.to_bag()
    partitions = results.map_partitions(_tables_of_partition).to_delayed()
    empty = to_dataframe([])
    return {kind: dd.from_delayed([part[0][kind] for part in partitions], meta=empty[kind], verify_meta=False)
            for kind in RECORD_MODELS}


__all__ = ["extract_bag", "extract_column", "record_frames"]
