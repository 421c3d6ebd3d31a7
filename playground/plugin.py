"""The labs' pytest plugin: whose answers are graded, the exercise marker, the lab fixtures
(program, lab_file) and the report per exercise.

An exercise passes when every test marked with its number passes. A failing exercise is
"not started" when one of its programs said labkit's `not done yet`, else "not right".
"""
from __future__ import annotations

import pytest

from .fixtures import OUTPUTS
from .grading import not_started
from .labs import chapter_of

ANSWERS = "PLAYGROUND_ANSWERS"        # the variable labkit.answer() reads in the hosts


def pytest_addoption(parser):
    group = parser.getgroup("playground", "grading labs")
    group.addoption("--solutions", action="store_true",
                    help="grade the reference solutions/ instead of exercises/")
    group.addoption("--answers", metavar="FOLDER",
                    help="grade the student modules in this folder of each chapter "
                         "(e.g. a submission copied to labs/chNN/alice)")
    group.addoption("--exercise", type=int, metavar="N",
                    help="run only the tests that grade exercise N")


def pytest_configure(config):
    config.addinivalue_line("markers", "exercise(n): the test grades exercise n of its chapter")


def pytest_collection_modifyitems(config, items):
    wanted = config.getoption("--exercise")
    if wanted is None:
        return
    keep = [i for i in items if (m := i.get_closest_marker("exercise")) and m.args[0] == wanted]
    config.hook.pytest_deselected(items=[i for i in items if i not in keep])
    items[:] = keep


def answers(config) -> str:
    if config.getoption("--answers"):
        return config.getoption("--answers").strip("/")
    return "solutions" if config.getoption("--solutions") else "exercises"


@pytest.fixture
def program(request):
    """program("name.py") -> the argv that runs the chapter's program name.py in a host,
    with the answers being graded (exercises/, solutions/ or --answers)."""
    chapter = chapter_of(request.node.path)
    folder = answers(request.config)
    return lambda name: ["env", f"{ANSWERS}={folder}", "python3", f"/labs/{chapter}/{name}"]


@pytest.fixture
def lab_file(request):
    """lab_file("name.py") -> the in-container path of the chapter's example program."""
    return lambda name: f"/labs/{chapter_of(request.node.path)}/{name}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    marker = item.get_closest_marker("exercise")
    if marker and report.when == "call":
        n = marker.args[0]
        chapter = chapter_of(item.path)
        fresh = any(not_started(text) for text in item.stash.get(OUTPUTS, []))
        report.user_properties.append(("exercise", f"{chapter}:{n}"))
        report.user_properties.append(("not started", fresh))
        if report.failed:
            state = "is not started" if fresh else "is not right yet"
            report.sections.append(("grading", f"Exercise {n} of {chapter} {state}: see "
                                    f"labs/{chapter}/README.md, section 'Exercise {n}'."))
    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    verdicts = exercise_verdicts(terminalreporter.stats)
    if not verdicts:
        return
    terminalreporter.section("exercises")
    for chapter in sorted(verdicts):
        numbers = verdicts[chapter]
        done = sum(v == "pass" for v in numbers.values())
        others = "; ".join(f"exercise {n}: {v}" for n, v in sorted(numbers.items())
                           if v != "pass")
        line = f"{chapter}: {done}/{len(numbers)} exercises pass"
        terminalreporter.write_line(line + (f" ({others})" if others else ""))


def exercise_verdicts(stats: dict) -> dict[str, dict[int, str]]:
    """{chapter: {exercise: "pass" | "not started" | "not right"}} from the test reports:
    an exercise passes only when all its tests do."""
    verdicts: dict[str, dict[int, str]] = {}
    for outcome in ("passed", "failed"):
        for report in stats.get(outcome, []):
            props = dict(report.user_properties)
            if report.when != "call" or "exercise" not in props:
                continue
            chapter, n = props["exercise"].split(":")
            seen = verdicts.setdefault(chapter, {})
            now = "pass" if outcome == "passed" else (
                "not started" if props["not started"] else "not right")
            before = seen.get(int(n), "pass")
            seen[int(n)] = now if before == "pass" else (
                "not right" if "not right" in (before, now) else before)
    return verdicts
