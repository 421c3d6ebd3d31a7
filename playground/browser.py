"""A real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, for the pages the
playground makes (reports, ladder diagrams, the live map) and their tests.

Playwright never downloads a browser here: it drives the system's Chromium, started with the
flags that keep it off the Internet (the lab machines have none, and neither should a test).
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from typing import Iterator

CHROMIUM = os.environ.get("PLAYGROUND_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic"]


class BrowserMissing(RuntimeError):
    pass


def missing() -> str | None:
    """Why no browser can be started, in one line; None when one can."""
    if not shutil.which(CHROMIUM):
        return (f"no Chromium at {CHROMIUM}: install Debian's chromium "
                "(apt-get install chromium) or set PLAYGROUND_CHROMIUM")
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is missing: pip install -r requirements.txt"
    return None


@contextmanager
def chromium() -> Iterator["playwright.sync_api.Browser"]:  # noqa: F821
    """A headless Chromium; closed on leaving the block."""
    problem = missing()
    if problem:
        raise BrowserMissing(problem)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()
