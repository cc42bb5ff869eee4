"""The small public API: load(), extract(), extract_many()."""
from __future__ import annotations

import gc
import json
import multiprocessing
from functools import lru_cache
from itertools import islice
from typing import Any, Iterable, Iterator, Mapping, Optional, Union

from spacy.language import Language

from policyie.docstate import set_doc_meta
from policyie.longtext import PIECE_CHARS, extract_long
from policyie.records import Extraction

Item = Union[str, Mapping[str, Any]]


class InputError(TypeError):
    """An input that is not text (or a mapping with a ``text`` field)."""


def load(segmenter: str = "pkuseg", rules: Iterable = (), *, installed_rules: bool = True) -> Language:
    """The policyie pipeline: a ``spacy.Language`` (``zh``) with policyie's components.

    ``segmenter="pkuseg"`` (default) segments words with the shipped model;
    ``segmenter="char"`` is the fast mode.  ``rules`` are rule packs (paths,
    records; see docs/extending.md).  Rule packs of installed packages (entry
    point group ``policyie.rules``) are applied first unless
    ``installed_rules=False``.  Calls without ``rules`` share one pipeline per
    process and segmenter.
    """
    rules = tuple(rules or ())
    if rules or not installed_rules:
        from policyie.pipeline import build
        from policyie.rules import installed_rule_packs

        return build(segmenter, (tuple(installed_rule_packs()) if installed_rules else ()) + rules)
    return _shared_pipeline(segmenter)


@lru_cache(maxsize=None)
def _shared_pipeline(segmenter: str) -> Language:
    from policyie.pipeline import build
    from policyie.rules import installed_rule_packs

    return build(segmenter, installed_rule_packs())


@lru_cache(maxsize=8)
def _worker_pipeline(segmenter: str, rules_json: str, installed_rules: bool) -> Language:
    """A worker process's pipeline for rule records shipped as JSON (built once per process)."""
    return load(segmenter, rules=json.loads(rules_json) if rules_json else (), installed_rules=installed_rules)


def _rules_as_json(rules: Iterable) -> str:
    """Rule packs read into one JSON list of records, which worker processes (or machines
    without the pack files) can rebuild the pipeline from."""
    from policyie.rules import collect_rules

    records = [{"dimension": rule.dimension, **rule.record} for rule in collect_rules(rules)]
    return json.dumps(records, ensure_ascii=False, sort_keys=True)


def _as_doc_fields(item: Item) -> tuple[str, Optional[str], Optional[str]]:
    """(text, date, id) of an input item, or a clear error."""
    if isinstance(item, str):
        return item, None, None
    if isinstance(item, Mapping):
        text = item.get("text")
        if not isinstance(text, str):
            raise InputError(f"item 'text' must be a string, got {type(text).__name__}")
        date, doc_id = item.get("date"), item.get("id")
        return text, (None if date is None else str(date)), (None if doc_id is None else str(doc_id))
    raise InputError(f"expected a str or a mapping with 'text', got {type(item).__name__}")


def _make_doc(nlp: Language, text: str, date: Optional[str], doc_id: Optional[str]):
    doc = nlp.make_doc(text)
    set_doc_meta(doc, date=date, id=doc_id)
    return doc


def extract(text: str, *, date: Optional[str] = None, nlp: Optional[Language] = None) -> Extraction:
    """Records of one text; ``date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) resolves 今年/去年."""
    if not isinstance(text, str):
        raise InputError(f"extract() needs a str, got {type(text).__name__}")
    nlp = nlp or load()
    return _extract_batch(nlp, [(text, date, None)])[0]


def extract_many(items: Iterable[Item], *, n_process: int = 1, batch_size: int = 32,
                 nlp: Optional[Language] = None, segmenter: str = "pkuseg",
                 rules: Iterable = (), installed_rules: bool = True) -> Iterator[Extraction]:
    """Records of many texts, in input order, streamed through ``nlp.pipe``.

    Items are strings or mappings with ``text`` and optional ``id``/``date``.
    With ``n_process > 1`` each worker process loads the pipeline once and
    streams its share of batches through its own ``nlp.pipe``; ``rules`` (rule
    packs) are read here and rebuilt in every worker; ``installed_rules`` as in :func:`load`.
    """
    rules = tuple(rules or ())
    if n_process == 1:
        nlp = nlp or load(segmenter, rules=rules, installed_rules=installed_rules)
        for batch in _batches(items, batch_size):
            yield from _extract_batch(nlp, batch)
        return
    if nlp is not None:
        raise ValueError("pass segmenter= and rules=, not nlp=, with n_process > 1: "
                         "workers load their own pipeline")
    rules_json = _rules_as_json(rules) if rules else ""
    yield from _extract_in_workers(items, n_process, batch_size, (segmenter, rules_json, installed_rules))


def _batches(items: Iterable[Item], size: int) -> Iterator[list[tuple]]:
    iterator = iter(items)
    while batch := [_as_doc_fields(item) for item in islice(iterator, size)]:
        yield batch


def freeze_loaded_objects() -> None:
    """Move everything allocated so far (the loaded pipeline's lexicons and tables:
    hundreds of thousands of objects) out of the cyclic garbage collector's sight.

    Every collection otherwise walks them again; on long runs that cost ~15% of
    the time.  It changes the whole process, so the library only does it in
    processes it owns (the CLI, its worker processes); see docs/scaling.md.
    """
    gc.freeze()


def _pipeline_for(pipeline_key: tuple[str, str, bool]) -> Language:
    segmenter, rules_json, installed_rules = pipeline_key
    if rules_json or not installed_rules:
        return _worker_pipeline(segmenter, rules_json, installed_rules)
    return load(segmenter)


def _start_worker(pipeline_key: tuple[str, str, bool]) -> None:
    """Pool initializer: load the worker's pipeline once, then freeze it (the process is ours)."""
    _pipeline_for(pipeline_key)
    freeze_loaded_objects()


def _worker_batch(args: tuple[tuple[str, str, bool], list[tuple]]) -> list[dict]:
    pipeline_key, batch = args
    return [result.model_dump() for result in _extract_batch(_pipeline_for(pipeline_key), batch)]


def _extract_batch(nlp: Language, batch: list[tuple]) -> list[Extraction]:
    """Records of a batch of (text, date, id): ordinary texts stream through ``nlp.pipe``,
    very long ones are processed in pieces (bounded memory, see policyie.longtext)."""
    results: list[Optional[Extraction]] = [None] * len(batch)
    ordinary = [i for i, fields in enumerate(batch) if len(fields[0]) <= PIECE_CHARS]
    docs = (_make_doc(nlp, *batch[i]) for i in ordinary)
    for i, doc in zip(ordinary, nlp.pipe(docs, batch_size=max(1, len(ordinary)))):
        results[i] = doc._.policyie
    for i, fields in enumerate(batch):
        if results[i] is None:
            results[i] = extract_long(nlp, *fields)
    return results


def _extract_in_workers(items, n_process, batch_size, pipeline_key) -> Iterator[Extraction]:
    context = multiprocessing.get_context("spawn" if multiprocessing.get_start_method() != "fork" else "fork")
    with context.Pool(n_process, initializer=_start_worker, initargs=(pipeline_key,)) as pool:
        jobs = ((pipeline_key, batch) for batch in _batches(items, batch_size))
        for results in pool.imap(_worker_batch, jobs):
            for result in results:
                yield Extraction.model_validate(result)
