"""The ``policyie`` command (docs/cli.md).

    policyie extract --input IN.jsonl --output OUT.jsonl   # SPEC section 2; '-' for stdin/stdout
    policyie extract --input report.txt --format table     # a .txt input is one document
    policyie evaluate GOLD.jsonl [--errors N]              # SPEC section 3 figures
    policyie render --input IN.jsonl --output-dir DIR      # an HTML page per document
    policyie summarize RESULTS.jsonl --html OUT.html       # the corpus view
    policyie rules list | policyie rules check PACK.jsonl  # rule packs
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Optional, TextIO

from policyie.progress import Progress, count_lines, wants_progress
from policyie.records import Extraction


class InputLineError(ValueError):
    """A line of JSONL input that is not a usable document."""

    def __init__(self, source: str, line: int, message: str):
        super().__init__(f"{source}:{line}: {message}")
        self.source, self.line = source, line


def read_documents(stream: TextIO, source: str, skip_invalid: bool, skipped: list[int]) -> Iterator[dict]:
    """Documents of a JSONL stream; invalid lines raise, or are recorded in ``skipped``."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            yield parse_document_line(line, source, number)
        except InputLineError:
            if not skip_invalid:
                raise
            skipped.append(number)


def json_object(line: str, source: str, number: int) -> dict:
    """The JSON object on an input line, or an InputLineError naming the line."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputLineError(source, number, f"not JSON ({error.msg})") from None
    if not isinstance(obj, dict):
        raise InputLineError(source, number, "expected a JSON object")
    return obj


def parse_document_line(line: str, source: str, number: int) -> dict:
    obj = json_object(line, source, number)
    if not isinstance(obj.get("text"), str):
        raise InputLineError(source, number, "'text' is missing or not a string")
    date = obj.get("date")
    if date is not None and not isinstance(date, (str, int)):
        raise InputLineError(source, number, "'date' must be a string like 2024-01-31")
    doc_id = obj.get("id", number)
    return {"id": str(doc_id), "text": obj["text"], "date": None if date is None else str(date)}


@contextmanager
def open_input(path: str):
    if path == "-":
        yield sys.stdin
    else:
        with open(path, encoding="utf-8-sig") as handle:
            yield handle


@contextmanager
def open_output(path: Optional[str]):
    if path in (None, "-"):
        yield sys.stdout
    else:
        with open(path, "w", encoding="utf-8") as handle:
            yield handle


def documents_of(args, skipped: list[int]) -> Iterator[dict]:
    if args.input != "-" and Path(args.input).suffix.lower() == ".txt":
        text = Path(args.input).read_text(encoding="utf-8-sig")
        yield {"id": Path(args.input).stem, "text": text, "date": args.date}
        return
    with open_input(args.input) as stream:
        yield from read_documents(stream, args.input, args.skip_invalid, skipped)


def write_jsonl(result: Extraction, out: TextIO) -> None:
    out.write(json.dumps(result.model_dump(), ensure_ascii=False) + "\n")


def write_table(result: Extraction, out: TextIO) -> None:
    from policyie.render import text_table

    out.write(text_table(result) + "\n")


# -- shared options -------------------------------------------------------------------

def add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--segmenter", choices=("pkuseg", "char"), default="pkuseg",
                        help="pkuseg (default) or char, the fast mode")
    parser.add_argument("--rules", action="append", default=[], metavar="FILE",
                        help="a rule pack (repeatable); see docs/extending.md")
    parser.add_argument("--no-installed-rules", dest="installed_rules", action="store_false",
                        help="do not apply the rule packs of installed packages (entry points policyie.rules)")
    parser.add_argument("--n-process", type=int, default=1, help="worker processes (default 1)")


def results_of(args, documents: Iterable[dict]) -> Iterator[Extraction]:
    """The pipeline the options describe, run over ``documents``."""
    from policyie.api import extract_many, freeze_loaded_objects, load

    if args.n_process < 1:
        raise ValueError(f"--n-process must be 1 or more, not {args.n_process}")
    if args.n_process == 1:
        nlp = load(args.segmenter, rules=args.rules, installed_rules=args.installed_rules)
        freeze_loaded_objects()  # this process is ours: see policyie.api.freeze_loaded_objects
        return extract_many(documents, nlp=nlp)
    return extract_many(documents, n_process=args.n_process, segmenter=args.segmenter, rules=args.rules,
                        installed_rules=args.installed_rules)


# -- extract ----------------------------------------------------------------------------

def cmd_extract(args) -> int:
    skipped: list[int] = []
    write = write_table if args.format == "table" else write_jsonl
    documents = documents_of(args, skipped)
    progress = None
    if wants_progress(sys.stderr) and not args.quiet:
        total = count_lines(args.input) if args.input != "-" and not args.input.endswith(".txt") else None
        progress = Progress(sys.stderr, total)
        documents = _counted(documents, progress)
    with open_output(args.output) as out:
        for result in results_of(args, documents):
            write(result, out)
    if progress is not None:
        progress.close()
    report_skipped(skipped)
    return 0


def _counted(documents: Iterable[dict], progress: "Progress") -> Iterator[dict]:
    """Documents passed through, counted as they are handed to the pipeline.

    Counting at hand-over runs at most one batch ahead of the written output,
    which is close enough for a progress line and needs no reordering.
    """
    for document in documents:
        yield document
        progress.update(len(document["text"]))


def report_skipped(skipped: list[int]) -> None:
    if skipped:
        lines = ", ".join(map(str, skipped[:20])) + (" …" if len(skipped) > 20 else "")
        print(f"policyie: skipped {len(skipped)} invalid input line(s): {lines}", file=sys.stderr)


# -- evaluate ---------------------------------------------------------------------------

def read_gold(path: str) -> dict[str, dict]:
    """Gold documents keyed by ``str(id)`` (a repeated id keeps its last line)."""
    from policyie.evaluate import documents_by_id

    numbered = []
    with open_input(path) as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            document = parse_document_line(line, path, number)     # checks text and date
            gold = json.loads(line)
            for kind in ("regions", "industries", "indicators"):
                records = gold.get(kind, [])
                if not isinstance(records, list) or not all(_is_span_record(r) for r in records):
                    raise InputLineError(path, number, f"'{kind}' must be a list of records with "
                                                       "integer 'start' and 'end'")
            gold["text"], gold["date"] = document["text"], document["date"]
            numbered.append((number, gold))
    return documents_by_id(numbered)


def _is_span_record(record) -> bool:
    return (isinstance(record, dict) and isinstance(record.get("start"), int)
            and isinstance(record.get("end"), int))


def cmd_evaluate(args) -> int:
    from policyie.evaluate import format_mistake, print_report, score_documents

    gold = read_gold(args.gold)
    documents = [{"id": doc_id, "text": doc["text"], "date": doc["date"]} for doc_id, doc in gold.items()]
    predicted = {}
    with open_output(args.predictions) if args.predictions else _no_output() as out:
        for doc_id, result in zip(gold, results_of(args, documents)):
            predicted[doc_id] = result.model_dump()
            if out is not None:
                write_jsonl(result, out)
    figures, mistakes = score_documents(gold, predicted)
    print_report(figures, sys.stdout, as_json=args.json)
    if args.errors:
        print(f"\n{min(args.errors, len(mistakes))} of {len(mistakes)} misses and spurious records:")
        for mistake in mistakes[:args.errors]:
            print(format_mistake(mistake, gold[mistake.doc_id]["text"]))
    return 0


@contextmanager
def _no_output():
    yield None


# -- render -----------------------------------------------------------------------------

def cmd_render(args) -> int:
    from policyie.render import html_page, index_page, safe_file_stem

    skipped: list[int] = []
    out_dir = Path(args.output_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    documents = list(documents_of(args, skipped))
    taken: set[str] = {"index"}
    entries = []
    for document, result in zip(documents, results_of(args, documents)):
        name = safe_file_stem(document["id"], taken) + ".html"
        (out_dir / name).write_text(html_page(document["text"], result, title=document["id"]), encoding="utf-8")
        entries.append((name, document["id"], result))
        print(out_dir / name)
    (out_dir / "index.html").write_text(index_page(entries), encoding="utf-8")
    report_skipped(skipped)
    return 0


# -- summarize --------------------------------------------------------------------------

def read_results(path: str, skip_invalid: bool, skipped: list[int]) -> Iterator[tuple[Extraction, Optional[str]]]:
    """(result, declared region) of each line of a results file (the output of ``extract``)."""
    from pydantic import ValidationError

    with open_input(path) as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                yield parse_result_line(line, path, number, ValidationError)
            except InputLineError:
                if not skip_invalid:
                    raise
                skipped.append(number)


def parse_result_line(line: str, source: str, number: int, validation_error) -> tuple[Extraction, Optional[str]]:
    obj = json_object(line, source, number)
    region = obj.pop("region", None)
    for extra in ("text", "date"):          # gold-style lines carry these too
        obj.pop(extra, None)
    if obj.get("id") is not None:
        obj["id"] = str(obj["id"])
    try:
        return Extraction.model_validate(obj), (None if region in (None, "") else str(region))
    except validation_error as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InputLineError(source, number, f"not a result record: {where}: {first['msg']}") from None


def cmd_summarize(args) -> int:
    from policyie.summarize import summarize, summary_html

    skipped: list[int] = []
    summary = summarize(read_results(args.results, args.skip_invalid, skipped))
    page = summary_html(summary, title=args.title, max_industries=args.max_industries,
                        max_indicators=args.max_indicators)
    Path(args.html).write_text(page, encoding="utf-8")
    print(f"{args.html}: {summary.documents} documents, {len(summary.documents_by_region)} regions, "
          f"{len(summary.industries())} industries, {sum(map(len, summary.indicators.values()))} indicators")
    report_skipped(skipped)
    return 0


# -- rules ------------------------------------------------------------------------------

def cmd_rules_list(args) -> int:
    from policyie.rules import installed_rule_packs, rules_of_installed

    packs = installed_rule_packs()
    if not packs:
        print("no rule packs installed (entry point group policyie.rules)")
    for pack in packs:
        counts = Counter(rule.dimension for rule in rules_of_installed(pack))
        summary = ", ".join(f"{n} {dimension}" for dimension, n in sorted(counts.items())) or "empty"
        print(f"{pack.name}  ({pack.distribution or '?'}: {pack.value})  {summary}")
    return 0


def cmd_rules_check(args) -> int:
    from policyie.rules import collect_rules

    for path in args.packs:
        rules = collect_rules([path])
        counts = Counter(rule.dimension for rule in rules)
        summary = ", ".join(f"{n} {dimension}" for dimension, n in sorted(counts.items())) or "no rules"
        print(f"{path}: ok ({summary})")
    return 0


# -- the parser ---------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policyie", description="Typed records from Chinese policy text.")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract records (JSONL in, JSONL or a table out)")
    ex.add_argument("--input", "-i", required=True, help="JSONL file, a .txt file (one document), or - for stdin")
    ex.add_argument("--output", "-o", default="-", help="output file, - for stdout (default)")
    ex.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    ex.add_argument("--date", help="document date for a .txt input (YYYY[-MM[-DD]])")
    ex.add_argument("--skip-invalid", action="store_true",
                    help="skip malformed input lines (reported on stderr) instead of failing")
    ex.add_argument("--quiet", "-q", action="store_true", help="no progress line, even on a terminal")
    add_pipeline_options(ex)
    ex.set_defaults(handler=cmd_extract)

    ev = sub.add_parser("evaluate", help="run on gold documents and print the SPEC section 3 figures")
    ev.add_argument("gold", help="gold JSONL: id, text, date and the records (SPEC section 2)")
    ev.add_argument("--errors", type=int, default=0, metavar="N", help="also list N misses and spurious records")
    ev.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ev.add_argument("--predictions", metavar="FILE", help="also write the predictions (JSONL) to FILE")
    add_pipeline_options(ev)
    ev.set_defaults(handler=cmd_evaluate)

    rd = sub.add_parser("render", help="a standalone HTML page per document, records highlighted")
    rd.add_argument("--input", "-i", required=True, help="JSONL file, a .txt file (one document), or - for stdin")
    rd.add_argument("--output-dir", "-o", required=True, help="directory for the pages (and index.html)")
    rd.add_argument("--date", help="document date for a .txt input (YYYY[-MM[-DD]])")
    rd.add_argument("--skip-invalid", action="store_true", help="skip malformed input lines (reported)")
    add_pipeline_options(rd)
    rd.set_defaults(handler=cmd_render)

    sm = sub.add_parser("summarize", help="the corpus view: region × industry matrix, indicators per region")
    sm.add_argument("results", help="results JSONL (the output of policyie extract), - for stdin")
    sm.add_argument("--html", required=True, metavar="OUT.html", help="the page to write")
    sm.add_argument("--title", default="policyie corpus summary")
    sm.add_argument("--max-industries", type=int, default=40, metavar="N",
                    help="columns of the matrix: the N most named industries (default 40, 0 for all)")
    sm.add_argument("--max-indicators", type=int, default=200, metavar="N",
                    help="rows per region's indicator table (default 200, 0 for all)")
    sm.add_argument("--skip-invalid", action="store_true", help="skip malformed result lines (reported)")
    sm.set_defaults(handler=cmd_summarize)

    rl = sub.add_parser("rules", help="rule packs: list the installed ones, check files")
    rules_sub = rl.add_subparsers(dest="rules_command", required=True)
    rules_sub.add_parser("list", help="installed rule packs (entry point group policyie.rules)") \
        .set_defaults(handler=cmd_rules_list)
    check = rules_sub.add_parser("check", help="check rule pack files; errors name file, line and field")
    check.add_argument("packs", nargs="+", metavar="PACK.jsonl")
    check.set_defaults(handler=cmd_rules_check)
    return parser


def main(argv: Optional[list[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except BrokenPipeError:
        return 0
    except (InputLineError, OSError, ValueError) as error:
        print(f"policyie: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
