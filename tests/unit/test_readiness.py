"""Waiting for readiness: each host's ready line read from its log as it comes; a host that
stops or never gets ready is named, with its log."""
import subprocess

import pytest

from playground import engine as docker_engine, lifecycle
from playground.engine import PlaygroundError
from playground.topology import Topology

topo = Topology()


def ready_line(host):
    return f"playground: {host} ready; SSH host key ssh-ed25519 AAAA{host}\n"


@pytest.fixture
def engine(monkeypatch):
    """A stand-in engine: every host running, its log saying it is ready, unless a test
    changes its state (a list: one per look) or its log lines."""
    states = {h: ["running"] for h in topo.names}
    logs = {h: ["playground: starting\n", ready_line(h)] for h in topo.names}

    def started(host):   # the next state in the host's list; the last one stays
        return (states[host].pop(0) if len(states[host]) > 1 else states[host][0]), 0.0
    monkeypatch.setattr(lifecycle, "started", started)
    monkeypatch.setattr(lifecycle, "follow", lambda host, since, timeout: iter(logs[host]))
    monkeypatch.setattr(lifecycle, "logs_tail", lambda host: f"last words of {host}")
    monkeypatch.setattr(lifecycle.time, "sleep", lambda s: None)
    return states, logs


def test_every_host_ready_with_its_key(engine):
    keys = lifecycle.wait_said_ready(topo, timeout=5)
    assert keys == {h: ["ssh-ed25519", f"AAAA{h}"] for h in topo.names}


def test_a_host_that_stops_is_named_with_its_log(engine):
    states, logs = engine
    states["mail"], logs["mail"] = ["exited"], []
    with pytest.raises(PlaygroundError, match="mail stopped while starting") as err:
        lifecycle.wait_said_ready(topo, timeout=5)
    assert "last words of mail" in str(err.value)


def test_a_host_never_ready_times_out_with_its_log(engine):
    _, logs = engine
    logs["ftp"] = ["playground: ftp still starting\n", ready_line("www")]   # not its own line
    with pytest.raises(PlaygroundError, match=r"not ready after 0 s: ftp;") as err:
        lifecycle.wait_said_ready(topo, timeout=0.2)
    assert "last words of ftp" in str(err.value)


def test_a_host_that_restarts_is_followed_into_its_new_start(engine, monkeypatch):
    states, logs = engine
    states["www"] = ["running", "restarting", "running"]
    runs = [iter(["50-www: crashed\n"]), iter([ready_line("www")])]   # its log, each start
    monkeypatch.setattr(lifecycle, "follow", lambda host, since, timeout:
                        runs.pop(0) if host == "www" else iter(logs[host]))
    assert lifecycle.wait_said_ready(topo, timeout=5)["www"] == ["ssh-ed25519", "AAAAwww"]
    assert runs == []


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


@pytest.mark.parametrize("finished, since", [
    ("0001-01-01T00:00:00Z", 0),                       # a new container: its whole log
    ("2026-12-01T21:46:01.5Z", 1796161561.5),          # restarted: after its last run ended
])
def test_a_hosts_log_is_read_from_the_end_of_its_last_run_not_from_its_start(
        monkeypatch, finished, since):
    """On a busy engine a host prints its ready line before the engine records StartedAt:
    reading from StartedAt would miss it (seen: `up` waited 120 s for a ready host)."""
    state = {"Status": "running", "StartedAt": "2026-12-01T21:46:02.9Z", "FinishedAt": finished}

    class Api:
        def inspect_container(self, name):
            return {"State": state}
    monkeypatch.setattr(docker_engine, "client", lambda: type("Client", (), {"api": Api()})())
    assert docker_engine.started("h3") == ("running", pytest.approx(since, abs=1e-3))
