"""Extraction results as pandas tables: one flat table per record kind.

    >>> tables = policyie.to_dataframe(policyie.extract_many(texts))
    >>> tables["indicators"].query("target and unit == '%'")

Every table starts with ``doc_id`` (the document's id) and ``doc_index`` (its
position in the input), then has one column per field of the record model
(docs/records.md), in the model's order.  List fields (``candidates``,
``members``, ``tiers``) are joined with ``|`` so that every cell is a scalar
and the tables write to CSV or Parquet as they are.  pandas is an optional
extra: ``pip install 'policyie[pandas]'``.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Union

from policyie.records import Extraction, Indicator, Industry, Region

RECORD_MODELS = {"regions": Region, "industries": Industry, "indicators": Indicator}
DOC_COLUMNS = ("doc_id", "doc_index")
LIST_SEPARATOR = "|"
# pandas dtypes that keep missing values without turning integers or flags into floats
_NULLABLE_DTYPES = {"year": "Int64", "start": "int64", "end": "int64", "target": "bool",
                    "value": "float64", "upper": "float64", "confidence": "float64"}


def _require_pandas():
    try:
        import pandas
    except ImportError:
        raise ImportError("policyie.to_dataframe needs pandas: pip install 'policyie[pandas]'") from None
    return pandas


def columns_of(kind: str) -> list[str]:
    """The columns of the table of one record kind."""
    return [*DOC_COLUMNS, *RECORD_MODELS[kind].model_fields]


def _as_extraction(result: Union[Extraction, Mapping[str, Any]]) -> Extraction:
    if isinstance(result, Extraction):
        return result
    if isinstance(result, Mapping):
        return Extraction.model_validate({k: v for k, v in result.items() if k in Extraction.model_fields})
    raise TypeError(f"expected an Extraction or a result mapping, got {type(result).__name__}")


def _flat(value: Any) -> Any:
    return LIST_SEPARATOR.join(map(str, value)) if isinstance(value, (list, tuple)) else value


def record_rows(results: Iterable[Union[Extraction, Mapping[str, Any]]]) -> dict[str, list[dict]]:
    """Plain rows per kind (what the tables are built from; no pandas needed)."""
    rows: dict[str, list[dict]] = {kind: [] for kind in RECORD_MODELS}
    for index, result in enumerate(results):
        result = _as_extraction(result)
        for kind in RECORD_MODELS:
            for record in getattr(result, kind):
                row = {"doc_id": result.id, "doc_index": index}
                row.update((name, _flat(value)) for name, value in record.model_dump().items())
                rows[kind].append(row)
    return rows


def to_dataframe(results: Iterable[Union[Extraction, Mapping[str, Any]]]) -> dict[str, "pandas.DataFrame"]:
    """``{"regions": df, "industries": df, "indicators": df}`` for results of ``extract``/``extract_many``
    (or their JSON dicts, such as the lines of ``policyie extract`` output)."""
    pandas = _require_pandas()
    tables = {}
    for kind, rows in record_rows(results).items():
        frame = pandas.DataFrame.from_records(rows, columns=columns_of(kind))
        tables[kind] = frame.astype({column: dtype for column, dtype in _NULLABLE_DTYPES.items()
                                     if column in frame.columns})
    return tables
