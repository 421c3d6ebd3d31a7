"""The labs' pytest plugin: whose answers are graded (and which student's variant), the
exercise marker, the lab fixtures (program, lab_file, student) and the verdict per exercise,
in the terminal and in results/report.html (see report.py).

An exercise passes when every test marked with its number passes. A failing exercise is
"not started" when each of its failing tests met labkit's `not done yet`, else "not right".
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from . import ladder, report as _report
from .fixtures import CAPTURES, OUTPUTS, RESULTS
from .engine import PlaygroundError
from .grading import not_started
from .labs import LABS, chapter_of
from .report import Outcome

ANSWERS = "PLAYGROUND_ANSWERS"        # the variable labkit.answer() reads in the hosts
STUDENT = "PLAYGROUND_STUDENT"        # whose variant of the graders' secrets (see --student)
OUTCOMES = pytest.StashKey[list]()


def pytest_addoption(parser):
    group = parser.getgroup("playground", "grading labs")
    group.addoption("--solutions", action="store_true",
                    help="grade the reference solutions/ instead of exercises/")
    group.addoption("--answers", metavar="FOLDER",
                    help="grade the student modules in this folder of each chapter "
                         "(e.g. labs/chNN/alice), or, given an absolute path inside the "
                         "hosts, in its chNN/exercises/ (what `playground grade` puts there)")
    group.addoption("--exercise", type=int, metavar="N",
                    help="run only the tests that grade exercise N")
    group.addoption("--student", metavar="ID", default=os.environ.get(STUDENT, "anonymous"),
                    help="the student whose variant of ports, secrets and messages the "
                         f"graders use (default: ${STUDENT} or 'anonymous')")
    group.addoption("--report", metavar="FILE", default=str(RESULTS / "report.html"),
                    help="where the HTML report of the graded labs goes "
                         "(default results/report.html)")
    group.addoption("--results-json", metavar="FILE",
                    help="also write a Gradescope-style results.json here")
    group.addoption("--results-dir", metavar="DIR",
                    help="keep the tests' captures under DIR (default results/)")

def pytest_configure(config):
    config.addinivalue_line("markers", "exercise(n): the test grades exercise n of its chapter")


def pytest_collection_modifyitems(config, items):
    wanted = config.getoption("--exercise")
    if wanted is None:
        return
    keep = [i for i in items if (m := i.get_closest_marker("exercise")) and m.args[0] == wanted]
    config.hook.pytest_deselected(items=[i for i in items if i not in keep])
    items[:] = keep


def answers(config, chapter: str) -> str:
    """The folder of the chapter's student modules: relative to /labs/chNN, or absolute."""
    given = config.getoption("--answers")
    if given and given.startswith("/"):
        return f"{given.rstrip('/')}/{chapter}/exercises"
    if given:
        return given.strip("/")
    return "solutions" if config.getoption("--solutions") else "exercises"


@pytest.fixture
def program(request):
    """program("name.py") -> the argv that runs the chapter's program name.py in a host,
    with the answers being graded (exercises/, solutions/ or --answers)."""
    chapter = chapter_of(request.node.path)
    folder = answers(request.config, chapter)
    return lambda name: ["env", f"{ANSWERS}={folder}", "python3", f"/labs/{chapter}/{name}"]


@pytest.fixture
def student(request) -> str:
    """The id of the student being graded (--student): pass it to grading.variant()."""
    return request.config.getoption("--student")


@pytest.fixture
def lab_file(request):
    """lab_file("name.py") -> the in-container path of the chapter's example program."""
    return lambda name: f"/labs/{chapter_of(request.node.path)}/{name}"


def one_line(report, call) -> None:
    """A host that stopped or restarted under a test (or any other problem of the playground,
    not of the answers) fails it with the framework's one line, not a traceback."""
    if report.failed and call.excinfo and call.excinfo.errisinstance(PlaygroundError):
        report.longrepr = f"playground: {call.excinfo.value}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Each lab test's outcome is kept for the report (a failed setup or teardown too); a
    failing one says which exercise, where its README section is and where its captures
    and their diagrams are."""
    report = yield
    one_line(report, call)
    if not is_lab(item.path) or not (report.when == "call" or report.failed):
        return report
    chapter = chapter_of(item.path)
    marker = item.get_closest_marker("exercise")
    n = marker.args[0] if marker else None
    fresh = any(not_started(text) for text in item.stash.get(OUTPUTS, []))
    outcome = Outcome(item.nodeid, chapter, n, report.passed, not_started=fresh,
                      captures=[str(cap.path) for cap in item.stash.get(CAPTURES, [])])
    if n is not None:
        report.user_properties.append(("exercise", f"{chapter}:{n}"))
    if report.failed:
        report.sections.append(("grading", explain(chapter, n, fresh, outcome.captures)))
        crash = getattr(report.longrepr, "reprcrash", None)
        outcome.message = said(crash.message if crash else str(report.longrepr))
    item.config.stash.setdefault(OUTCOMES, []).append(outcome)
    return report


def is_lab(path) -> bool:
    return Path(path).resolve().parent.parent == LABS


def said(message: str) -> str:
    """The grader's own words, without pytest's re-reading of the assert statement."""
    return message.split("\nassert ")[0].rstrip()


def explain(chapter: str, n: int | None, fresh: bool, captures: list[str]) -> str:
    """Which exercise failed, its README section (as a link) and the captures to look at."""
    lines = []
    if n is not None:
        title = _report.exercise_titles(chapter).get(n, "")
        state = "is not started" if fresh else "is not right yet"
        lines.append(f"{chapter} exercise {n} ({title}) {state}: see "
                     f"{_report.readme_section(chapter, n, title)}")
    lines += [f"capture: {path} (ladder diagram: {ladder.beside(path)})"
              for path in captures]
    return "\n".join(lines)


def pytest_sessionfinish(session):
    """results/report.html (and results.json when asked) for a run that graded labs."""
    outcomes = session.config.stash.get(OUTCOMES, [])
    if not outcomes:
        return
    options = session.config.getoption
    graded = ("the reference solutions" if options("--solutions") else
              options("--answers") or "exercises/")
    heading = f"Grading report: {graded} (student {options('--student')})"
    _report.write_html(Path(options("--report")), outcomes, heading)
    if options("--results-json"):
        chapters = sorted({o.chapter for o in outcomes})
        _report.write_json(Path(options("--results-json")),
                           _report.gradescope(outcomes, chapters))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    outcomes = config.stash.get(OUTCOMES, [])
    if not outcomes:
        return
    terminalreporter.section("exercises")
    for chapter, numbers in _report.verdicts(outcomes).items():
        done = sum(v == "pass" for v in numbers.values())
        others = "; ".join(f"exercise {n}: {v}" for n, v in numbers.items() if v != "pass")
        line = f"{chapter}: {done}/{len(numbers)} exercises pass"
        terminalreporter.write_line(line + (f" ({others})" if others else ""))
    terminalreporter.write_line(f"report: {config.getoption('--report')}")
