"""pytest fixtures for tests that use the live playground (imported by the conftest.py files).

See labs/README.md for what each fixture does.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from . import capture as _capture, impair as _impair, lifecycle, run as _run
from .engine import PlaygroundError
from .project import ROOT
from .topology import Topology

RESULTS = ROOT / "results"


def not_up() -> str | None:
    """Why tests cannot use the live playground, in one line; None when it is up."""
    try:
        missing = lifecycle.not_ready(Topology())
    except PlaygroundError as e:
        return f"playground: {e}"
    if missing:
        return f"playground: not up ({', '.join(missing)} not ready): run ./scripts/up first"
    return None


@pytest.fixture(scope="session", autouse=True)
def playground_up():
    """Stop the whole run at once, with one line, when the playground is not up."""
    problem = not_up()
    if problem:
        pytest.exit(problem, returncode=2)


@pytest.fixture(scope="session")
def topology() -> Topology:
    return Topology()


@pytest.fixture
def results_dir(request) -> Path:
    """results/<test name>/: where this test's captures are kept."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid.replace("/", "."))
    shutil.rmtree(RESULTS / name, ignore_errors=True)   # only this run's captures
    return RESULTS / name


@pytest.fixture
def run():
    return _run.run


@pytest.fixture
def serve():
    return _run.serve


@pytest.fixture
def capture(topology, results_dir):
    def start(host, facing=None, filter=""):
        return _capture.capture(topology, host, facing, filter, save_to=results_dir)
    return start


@pytest.fixture
def impair(topology):
    def start(host, facing, loss=0.0, rate=None, delay=None, match=""):
        if delay and not _impair.has_netem(host):
            pytest.skip("this kernel has no netem qdisc, so delay cannot be emulated")
        return _impair.impair(topology, host, facing, loss=loss, rate=rate, delay=delay,
                              match=match)
    return start


@pytest.fixture
def exercise(request):
    """The in-container path of a student's file, or of our solution with --solutions."""
    folder = "solutions" if request.config.getoption("--solutions") else "exercises"
    chapter = Path(request.node.fspath).parent.name
    return lambda name: f"/labs/{chapter}/{folder}/{name}"


@pytest.fixture
def lab_file(request):
    chapter = Path(request.node.fspath).parent.name
    return lambda name: f"/labs/{chapter}/{name}"
