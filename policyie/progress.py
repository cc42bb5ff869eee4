"""A progress line on standard error for long runs (``policyie extract``).

Shown only when the stream is a terminal: in pipes, logs and CI the output
stays clean.  It redraws at most a few times a second and reports documents
done (of the total when known), documents/s and characters/s.
"""
from __future__ import annotations

import time
from typing import Callable, Optional, TextIO

REDRAW_SECONDS = 0.2
BAR_WIDTH = 24


def wants_progress(stream: TextIO) -> bool:
    """True for a terminal; streams without ``isatty`` are not terminals."""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:          # a closed stream
        return False


class Progress:
    """Counts documents and characters; draws ``\\r``-updated lines on ``stream``."""

    def __init__(self, stream: TextIO, total: Optional[int] = None,
                 clock: Callable[[], float] = time.monotonic):
        self.stream, self.total, self.clock = stream, total, clock
        self.documents = 0
        self.chars = 0
        self.started = clock()
        self.last_draw = float("-inf")

    def update(self, chars: int) -> None:
        """One more document of ``chars`` characters is done."""
        self.documents += 1
        self.chars += chars
        now = self.clock()
        if now - self.last_draw >= REDRAW_SECONDS:
            self.last_draw = now
            self._draw(now)

    def close(self) -> None:
        """Draw the final figures and end the line."""
        self._draw(self.clock())
        self.stream.write("\n")
        self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        done = f"{self.documents:,}"
        bar = ""
        if self.total:
            share = min(self.documents / self.total, 1.0)
            filled = round(share * BAR_WIDTH)
            bar = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {share:4.0%} "
            done += f"/{self.total:,}"
        return (f"{bar}{done} docs  {self.documents / elapsed:,.1f} docs/s  "
                f"{_human(self.chars / elapsed)} chars/s  {_clock(elapsed)}")

    def _draw(self, now: float) -> None:
        self.stream.write("\r" + self.line(now) + "\033[K")
        self.stream.flush()


def _human(rate: float) -> str:
    for limit, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if rate >= limit:
            return f"{rate / limit:.1f}{suffix}"
    return f"{rate:.0f}"


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes}:{seconds:02d}"


def count_lines(path: str) -> Optional[int]:
    """Non-blank lines of a file (the documents of a JSONL input), or None when unknown."""
    try:
        with open(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return None
