"""Reading JSONL input: every line is a document or a reported error, never silently lost."""
import io

import pytest

from policyie.cli import InputLineError, read_documents


def read(text: str, skip_invalid=False):
    skipped: list[int] = []
    docs = list(read_documents(io.StringIO(text), "in.jsonl", skip_invalid, skipped))
    return docs, skipped


def test_documents_keep_id_text_and_date():
    docs, _ = read('{"id": "a", "text": "广东", "date": "2024-01-31"}\n{"text": "上海"}\n')
    assert docs == [{"id": "a", "text": "广东", "date": "2024-01-31"},
                    {"id": "2", "text": "上海", "date": None}]


def test_blank_lines_are_not_documents():
    docs, skipped = read('\n{"id": "a", "text": "x"}\n   \n')
    assert [d["id"] for d in docs] == ["a"] and skipped == []


@pytest.mark.parametrize("line, message", [
    ("{oops", "not JSON"),
    ("[1, 2]", "expected a JSON object"),
    ('{"id": "a"}', "'text' is missing"),
    ('{"id": "a", "text": 5}', "'text' is missing or not a string"),
    ('{"id": "a", "text": "x", "date": [2024]}', "'date' must be"),
])
def test_invalid_lines_fail_with_their_line_number(line, message):
    with pytest.raises(InputLineError, match=rf"in.jsonl:2: .*{message}"):
        read('{"text": "ok"}\n' + line + "\n")


def test_skip_invalid_reports_every_skipped_line():
    docs, skipped = read('{"text": "a"}\n{bad\n{"text": "b"}\n{"no": 1}\n', skip_invalid=True)
    assert [d["text"] for d in docs] == ["a", "b"]
    assert skipped == [2, 4]
