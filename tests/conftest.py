"""Tests that recreate or restart hosts disturb whoever is using the playground (a student's
lab, a grader running beside us): they are left out unless asked for with --recreate-hosts,
or the run is CI's (CI=true).

This lives here, not in tests/integration/conftest.py, because pytest only takes command-line
options from conftest files it reads before collecting, and `pytest tests` reads this one."""
from __future__ import annotations

import os

import pytest

MARKER = "recreates_hosts"
LEFT_OUT = pytest.StashKey[int]()


def pytest_addoption(parser):
    parser.addoption("--recreate-hosts", action="store_true",
                     help=f"also run the tests marked {MARKER} (they stop, restart or recreate "
                          "the playground's hosts); CI=true does the same")


def pytest_configure(config):
    config.addinivalue_line("markers", f"{MARKER}: the test stops, restarts or recreates hosts, "
                            "disturbing anyone using the playground")


def wanted(config) -> bool:
    return config.getoption("--recreate-hosts") or os.environ.get("CI", "").lower() == "true"


def pytest_collection_modifyitems(config, items):
    if wanted(config):
        return
    kept, left_out = [], []
    for item in items:
        (left_out if item.get_closest_marker(MARKER) else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
    config.stash[LEFT_OUT] = len(left_out)


def pytest_terminal_summary(terminalreporter, config):
    if config.stash.get(LEFT_OUT, 0):
        terminalreporter.write_line(
            f"{config.stash[LEFT_OUT]} tests that recreate or restart hosts were left out, so "
            "as not to disturb the running playground: add --recreate-hosts (or set CI=true) "
            "to run them")


@pytest.fixture(scope="module")
def browser():
    """A real headless Chromium (playground/browser.py); a test that needs one fails, with
    the reason, where none can start: a page test is never skipped and called passing.
    One per module: Playwright's event loop runs while it is open, and asyncio.run() in a
    later test would refuse to start beside it."""
    from playground import browser as _browser
    with _browser.chromium() as b:
        yield b
