"""Waiting for readiness: a host that stops or never gets ready is named, with its log."""
import subprocess

import pytest

from playground import lifecycle
from playground.engine import PlaygroundError
from playground.topology import Topology

topo = Topology()


@pytest.fixture
def engine(monkeypatch):
    """A stand-in engine: every host running and ready unless a test says otherwise."""
    state = {h: {"project": "playground", "state": "running"} for h in topo.names}
    never_ready = set()
    monkeypatch.setattr(lifecycle, "containers", lambda: state)
    monkeypatch.setattr(lifecycle, "pending", lambda hosts: [h for h in hosts if h in never_ready])
    monkeypatch.setattr(lifecycle, "logs_tail", lambda host: f"last words of {host}")
    monkeypatch.setattr(lifecycle.time, "sleep", lambda s: None)
    return state, never_ready


def test_a_host_that_stops_is_named_with_its_log(engine):
    state, never_ready = engine
    state["mail"]["state"] = "exited"
    never_ready.add("mail")
    with pytest.raises(PlaygroundError, match="mail stopped while starting") as err:
        lifecycle.wait_ready(topo, timeout=5)
    assert "last words of mail" in str(err.value)


def test_a_host_never_ready_times_out_with_its_log(engine):
    _, never_ready = engine
    never_ready.add("ftp")
    with pytest.raises(PlaygroundError, match=r"not ready after 0 s: ftp") as err:
        lifecycle.wait_ready(topo, timeout=0)
    assert "last words of ftp" in str(err.value)


def test_ready_hosts_then_the_end_to_end_probe(engine, monkeypatch):
    calls = []

    def failing_probe(*cmd, **kwargs):
        calls.append(cmd)
        return subprocess.CompletedProcess(cmd, 7)
    monkeypatch.setattr(lifecycle, "exec_", failing_probe)
    with pytest.raises(PlaygroundError, match="hosts are up but .* failed"):
        lifecycle.wait_ready(topo, timeout=5)
    assert calls == [lifecycle.END_TO_END]


def test_a_host_the_engine_will_not_exec_in_is_pending(monkeypatch):
    def exec_(host, *cmd, **kwargs):
        if host == "mail":   # restarting, or gone: the engine refuses the exec
            raise PlaygroundError("exec on mail: Container 3f2a is restarting")
        return subprocess.CompletedProcess(cmd, 0 if host == "h1" else 1)
    monkeypatch.setattr(lifecycle, "exec_", exec_)
    assert lifecycle.pending(["h1", "mail", "www"]) == ["mail", "www"]
