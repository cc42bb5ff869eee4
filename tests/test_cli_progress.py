"""The progress line of policyie extract: on a terminal only."""
import io
import json

from policyie.cli import main
from policyie.progress import Progress, wants_progress


class Terminal(io.StringIO):
    def isatty(self):
        if self.closed:                 # as real files do
            raise ValueError("I/O operation on closed file")
        return True


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_progress_line_reports_rates_and_share():
    clock, stream = Clock(), Terminal()
    progress = Progress(stream, total=4, clock=clock)
    clock.now += 2.0
    progress.update(3000)
    progress.update(1000)
    line = progress.line(clock.now)
    assert "2/4 docs" in line and "1.0 docs/s" in line and "2.0k chars/s" in line and " 50% " in line
    progress.close()
    assert stream.getvalue().endswith("\n") and "\r" in stream.getvalue()


def test_redraws_are_rate_limited():
    clock, stream = Clock(), Terminal()
    progress = Progress(stream, clock=clock)
    for _ in range(50):
        progress.update(10)           # the clock stands still: one draw
    clock.now += 1.0
    progress.update(10)               # time passed: a second draw
    assert stream.getvalue().count("\r") == 2


def test_only_terminals_want_progress():
    assert wants_progress(Terminal()) and not wants_progress(io.StringIO())
    closed = Terminal()
    closed.close()
    assert not wants_progress(closed)


def write_input(tmp_path, n=3):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": str(i), "text": "上海市生产总值增长5%。"}, ensure_ascii=False) + "\n"
                              for i in range(n)), encoding="utf-8")
    return source


def test_extract_shows_progress_on_a_terminal(tmp_path, monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--input", str(write_input(tmp_path)), "--output", str(out), "--segmenter", "char"]) == 0
    shown = terminal.getvalue()
    assert "3/3 docs" in shown and "docs/s" in shown and "chars/s" in shown and "100%" in shown
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_extract_is_quiet_when_stderr_is_not_a_terminal(tmp_path, monkeypatch):
    plain = io.StringIO()
    monkeypatch.setattr("sys.stderr", plain)
    assert main(["extract", "--input", str(write_input(tmp_path)), "--output", str(tmp_path / "o.jsonl"),
                 "--segmenter", "char"]) == 0
    assert plain.getvalue() == ""


def test_quiet_flag_silences_a_terminal(tmp_path, monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["extract", "--input", str(write_input(tmp_path)), "--output", str(tmp_path / "o.jsonl"),
                 "--segmenter", "char", "--quiet"]) == 0
    assert terminal.getvalue() == ""
