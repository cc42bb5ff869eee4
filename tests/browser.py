"""Headless Chromium for the HTML tests: screenshot and DOM of a local page, no Python driver.

The tests that use it skip, saying why, when no Chromium is installed
(Debian: ``apt-get install -y chromium``; .ci/run installs it where it can).
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Optional

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars")


def chromium_path() -> Optional[str]:
    return next((path for path in map(shutil.which, CANDIDATES) if path), None)


needs_chromium = pytest.mark.skipif(
    chromium_path() is None,
    reason="headless Chromium not installed (apt-get install -y chromium); the HTML is still checked "
           "without a browser by the other tests")


def _run(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [chromium_path(), *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def screenshot(page: Path, out: Path, profile: Path, size: str = "1200,900") -> Path:
    result = _run(page, profile, f"--window-size={size}", f"--screenshot={out}")
    assert out.is_file() and out.stat().st_size > 1000, f"no screenshot: {result.stderr[-2000:]}"
    return out


def dump_dom(page: Path, profile: Path) -> str:
    """The DOM after Chromium has parsed and laid out the page, serialised."""
    result = _run(page, profile, "--dump-dom")
    assert result.returncode == 0 and "<html" in result.stdout, f"no DOM: {result.stderr[-2000:]}"
    return result.stdout
