"""The ``policyie`` command.

    policyie extract --input IN.jsonl --output OUT.jsonl   # SPEC section 2; '-' for stdin/stdout
    policyie extract --input report.txt --format table     # a .txt input is one document
"""
from __future__ import annotations

import argparse
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional, TextIO

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


def parse_document_line(line: str, source: str, number: int) -> dict:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputLineError(source, number, f"not JSON ({error.msg})") from None
    if not isinstance(obj, dict):
        raise InputLineError(source, number, "expected a JSON object")
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


def cmd_extract(args) -> int:
    from policyie.api import extract_many

    skipped: list[int] = []
    write = write_table if args.format == "table" else write_jsonl
    nlp = None
    if args.rules:
        from policyie.api import load

        nlp = load(args.segmenter, rules=args.rules)
    with open_output(args.output) as out:
        results = extract_many(documents_of(args, skipped), n_process=args.n_process,
                               nlp=nlp, segmenter=args.segmenter)
        for result in results:
            write(result, out)
    if skipped:
        lines = ", ".join(map(str, skipped[:20])) + (" …" if len(skipped) > 20 else "")
        print(f"policyie: skipped {len(skipped)} invalid input line(s): {lines}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policyie", description="Typed records from Chinese policy text.")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract records (JSONL in, JSONL or a table out)")
    ex.add_argument("--input", "-i", required=True, help="JSONL file, a .txt file (one document), or - for stdin")
    ex.add_argument("--output", "-o", default="-", help="output file, - for stdout (default)")
    ex.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    ex.add_argument("--segmenter", choices=("pkuseg", "char"), default="pkuseg",
                    help="pkuseg (default) or char, the fast mode")
    ex.add_argument("--rules", action="append", default=[], metavar="FILE", help="a rule pack (repeatable)")
    ex.add_argument("--date", help="document date for a .txt input (YYYY[-MM[-DD]])")
    ex.add_argument("--n-process", type=int, default=1, help="worker processes")
    ex.add_argument("--skip-invalid", action="store_true",
                    help="skip malformed input lines (reported on stderr) instead of failing")
    ex.set_defaults(handler=cmd_extract)
    return parser


def main(argv: Optional[list[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (InputLineError, OSError, ValueError) as error:
        print(f"policyie: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
