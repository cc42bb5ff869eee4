"""The policyie command: SPEC section 2 round trip."""
import json

import pytest

from policyie.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_jsonl_round_trip(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "d1", "text": "2023年，广东省地区生产总值增长4.8%。", "date": "2024-01-24"},
                   ensure_ascii=False) + "\n" + json.dumps({"id": "d2", "text": "无"}) + "\n",
        encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, _ = run(capsys, "extract", "--input", str(source), "--output", str(out))
    assert code == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["d1", "d2"]
    assert set(lines[0]) >= {"id", "regions", "industries", "indicators"}
    indicator = lines[0]["indicators"][0]
    assert (indicator["text"], indicator["value"], indicator["unit"], indicator["kind"]) == ("4.8%", 4.8, "%", "growth")
    assert lines[0]["regions"][0]["code"] == "440000"


def test_text_file_is_one_document_and_table_format(tmp_path, capsys):
    source = tmp_path / "report.txt"
    source.write_text("2023年，广东省地区生产总值增长4.8%。", encoding="utf-8")
    code, out, _ = run(capsys, "extract", "--input", str(source), "--format", "table")
    assert code == 0
    assert "== report" in out and "4.8%" in out and "440000" in out


def test_invalid_input_line_fails_with_its_number(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "广东"}\n{broken\n', encoding="utf-8")
    code, _, err = run(capsys, "extract", "--input", str(source), "--output", str(tmp_path / "o.jsonl"))
    assert code == 2
    assert "in.jsonl:2: not JSON" in err


def test_skip_invalid_continues_and_reports(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "广东"}\n{broken\n{"text": "上海"}\n', encoding="utf-8")
    out = tmp_path / "o.jsonl"
    code, _, err = run(capsys, "extract", "--input", str(source), "--output", str(out), "--skip-invalid")
    assert code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert "skipped 1 invalid input line(s): 2" in err


def test_missing_input_file_is_a_clear_error(tmp_path, capsys):
    code, _, err = run(capsys, "extract", "--input", str(tmp_path / "absent.jsonl"))
    assert code == 2 and "absent.jsonl" in err


def test_stdin_and_stdout(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": "s", "text": "上海市"}\n'))
    code, out, _ = run(capsys, "extract", "--input", "-", "--output", "-")
    assert code == 0 and json.loads(out)["regions"][0]["code"] == "310000"
