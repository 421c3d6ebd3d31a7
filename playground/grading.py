"""Grading hooks for labs/: --solutions, exercise markers, and the per-chapter summary line."""
from __future__ import annotations

from pathlib import Path

import pytest


def pytest_addoption(parser):
    parser.addoption("--solutions", action="store_true",
                     help="grade the reference solutions/ instead of exercises/")


def pytest_configure(config):
    config.addinivalue_line("markers", "exercise(n): the test grades exercise n of its chapter")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    marker = item.get_closest_marker("exercise")
    if marker and report.when == "call":
        report.user_properties.append(("exercise", _exercise_id(item, marker)))
        if report.failed:
            n = marker.args[0]
            report.sections.append(("grading", f"Exercise {n} of {_chapter(item)} is not done "
                                    f"yet or not right: see labs/{_chapter(item)}/README.md, "
                                    f"section 'Exercise {n}'."))
    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    totals: dict[str, list[int]] = {}
    for outcome in ("passed", "failed"):
        for report in terminalreporter.stats.get(outcome, []):
            ids = [v for k, v in report.user_properties if k == "exercise"]
            if ids and report.when == "call":
                chapter = ids[0].split(":")[0]
                counts = totals.setdefault(chapter, [0, 0])
                counts[0] += outcome == "passed"
                counts[1] += 1
    if totals:
        terminalreporter.section("exercises")
        for chapter, (passed, total) in sorted(totals.items()):
            terminalreporter.write_line(f"{chapter}: {passed}/{total} exercises pass")


def _chapter(item) -> str:
    return Path(item.fspath).parent.name


def _exercise_id(item, marker) -> str:
    return f"{_chapter(item)}:{marker.args[0]}"
