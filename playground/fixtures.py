"""pytest fixtures for tests that use the live playground (imported by the conftest.py files):
run, serve, background, put, seed_mailbox, capture, impair, topology, results_dir.

See labs/README.md for what each fixture does.
"""
from __future__ import annotations

import re
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from . import capture as _capture, impair as _impair, lifecycle, run as _run
from .engine import PlaygroundError, put_file
from .project import ROOT
from .topology import Topology

RESULTS = ROOT / "results"
OUTPUTS = pytest.StashKey[list]()     # what the test's programs printed (for the verdicts)
CAPTURES = pytest.StashKey[list]()    # the test's captures (for its failure message, the report)


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
    """results/<test name>/ (or under --results-dir): where this test's captures are kept."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid.replace("/", "."))
    folder = Path(request.config.getoption("--results-dir", None) or RESULTS) / name
    shutil.rmtree(folder, ignore_errors=True)   # only this run's captures
    return folder


@pytest.fixture
def run(request):
    """run(host, *argv, stdin=None, timeout=20) -> Result; see playground/run.py."""
    def go(host, *argv, **options):
        result = _run.run(host, *argv, **options)
        request.node.stash.setdefault(OUTPUTS, []).append(result.stderr)
        return result
    return go


@pytest.fixture
def serve(request):
    """serve(host, *argv, port=N, proto="tcp") -> a context manager; see playground/run.py."""
    @contextmanager
    def go(host, *argv, **options):
        server = None
        try:
            with _run.serve(host, *argv, **options) as server:
                yield server
        except AssertionError as e:   # it died before listening: its output is in the message
            request.node.stash.setdefault(OUTPUTS, []).append(str(e))
            raise
        finally:
            if server is not None:
                request.node.stash.setdefault(OUTPUTS, []).append(server.output())
    return go


@pytest.fixture
def background(request):
    """background(host, *argv) -> a context manager around a program (a client, say) that
    runs beside the test's own steps; yields its Server (.alive(), .output()),
    always stopped afterwards."""
    @contextmanager
    def go(host, *argv):
        proc = _run.Server(host, argv)
        try:
            yield proc
        finally:
            request.node.stash.setdefault(OUTPUTS, []).append(proc.stop())
    return go


@pytest.fixture
def put(run):
    """put(host, data, suffix=".pem") -> the path of a new file in host's /tmp holding data
    (text or bytes: a certificate and its key, say); removed after the test."""
    made: dict = {}

    def go(host, data, suffix=".pem"):
        path = _run.scratch(suffix)
        put_file(host, path, data.encode() if isinstance(data, str) else data)
        made.setdefault(host, []).append(path)
        return path

    yield go
    for host, paths in made.items():
        run(host, "rm", "-f", *paths)


@pytest.fixture
def seed_mailbox(run):
    """Chapters 12-15: the student's mailbox on mail, put back to its three seed messages
    after the test, whatever the test did to it."""
    yield
    run("mail", "reset-mailbox").check()


@pytest.fixture
def capture(request, topology, results_dir):
    """capture(host, facing=None, filter="") -> a context manager around the traffic; see
    playground/capture.py. The pcap and its ladder diagram are kept in results_dir."""
    @contextmanager
    def start(host, facing=None, filter=""):
        with _capture.capture(topology, host, facing, filter, save_to=results_dir) as cap:
            request.node.stash.setdefault(CAPTURES, []).append(cap)
            yield cap
    return start


@pytest.fixture
def impair(topology):
    def start(host, facing, loss=0.0, rate=None, delay=None, match=""):
        if delay and not _impair.has_netem(host):
            pytest.skip("this kernel has no netem qdisc, so delay cannot be emulated")
        return _impair.impair(topology, host, facing, loss=loss, rate=rate, delay=delay,
                              match=match)
    return start
