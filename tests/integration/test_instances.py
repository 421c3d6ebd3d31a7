"""Two named playgrounds beside the default one on the same engine (issue 16).

Only this test's own instances are started and removed (the default one, already up, is
only watched): up in parallel, own names, subnets and CA, nothing crossing between them
on the wire, and `down` of one leaving the others running."""
from __future__ import annotations

import ipaddress
import os
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from playground import pcap
from playground.engine import PROJECT, client, containers, networks
from playground.project import ROOT

NAMES = ("testa", "testb")


def playground(instance: str, *argv: str, **options) -> subprocess.CompletedProcess:
    """The playground command, as a user runs it, on that instance ("" for the default)."""
    env = {**os.environ, "PLAYGROUND": instance, "PLAYGROUND_ROOT": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "playground", *argv], env=env, cwd=ROOT,
                          capture_output=True, text=True, **options)


@pytest.fixture(scope="module")
def instances():
    """Both instances up (started at once); removed at the end, whatever happened."""
    try:
        with ThreadPoolExecutor(len(NAMES)) as pool:
            started = list(pool.map(lambda n: playground(n, "up", timeout=300), NAMES))
        for name, done in zip(NAMES, started):
            assert done.returncode == 0, f"{name}: {done.stderr}"
        yield NAMES
    finally:
        for name in NAMES:
            playground(name, "down", "--forget", timeout=120)


def project_of(name: str) -> str:
    return f"playground-{name}"


def test_each_instance_has_its_own_containers_with_the_same_host_names(instances, topology):
    state = containers()
    for name in instances:
        for host in topology.names:
            mine = state[f"{name}-{host}"]
            assert (mine["project"], mine["state"]) == (project_of(name), "running")
        done = playground(name, "shell", "h1", "hostname")
        assert done.stdout.strip() == "h1", done.stderr
    assert all(state[h]["project"] == PROJECT for h in topology.names)   # the default's


def test_their_carrier_subnets_are_disjoint_from_each_other_and_from_the_default(instances):
    by_project = {}
    for _, project, subnets in networks():
        by_project.setdefault(project, []).extend(
            ipaddress.ip_network(s) for s in subnets.split())
    ours = [PROJECT, *map(project_of, instances)]
    assert all(len(by_project[p]) == 7 for p in ours)
    mine = [(p, net) for p in ours for net in by_project[p]]
    for i, (p, net) in enumerate(mine):
        for q, other in mine[i + 1:]:
            assert not net.overlaps(other), (p, net, q, other)


def test_each_instance_has_its_own_ca(instances):
    cas = {name: playground(name, "shell", "h1", "cat", "/etc/playground/certs/ca.crt").stdout
           for name in ("", *instances)}
    assert all("BEGIN CERTIFICATE" in ca for ca in cas.values())
    assert len(set(cas.values())) == 3


def test_nothing_sent_in_one_playground_reaches_another(instances, tmp_path):
    """Captures on www of testa and of the default one while h1 of all three fetches a page
    whose path names its playground: each capture holds its own request and no other's."""
    watched = {"testa": tmp_path / "testa.pcap", "default": tmp_path / "default.pcap"}
    taps = {name: start_capture("" if name == "default" else name, path)
            for name, path in watched.items()}
    for name in ("testa", "testb", "default"):
        done = playground("" if name == "default" else name, "shell", "h1", "curl", "-sf",
                          f"http://www.example.com/anything/from-{name}", timeout=60)
        assert f"from-{name}" in done.stdout, done.stderr
    for tap in taps.values():
        tap.send_signal(signal.SIGINT)
        assert tap.wait(timeout=60) == 0, tap.stderr.read()
    for name, path in watched.items():
        payload = b"".join(p.payload for p in pcap.read(path))
        seen = {n for n in ("testa", "testb", "default") if f"from-{n}".encode() in payload}
        assert seen == {name}, f"www of {name} saw requests from {sorted(seen)}"


def start_capture(instance: str, path) -> subprocess.Popen:
    """`playground capture www -w PATH tcp port 80` on that instance, once it is listening."""
    env = {**os.environ, "PLAYGROUND": instance, "PLAYGROUND_ROOT": str(ROOT)}
    tap = subprocess.Popen([sys.executable, "-m", "playground", "capture", "www", "-w",
                            str(path), "tcp", "port", "80"], env=env, cwd=ROOT,
                           stderr=subprocess.PIPE, text=True)
    line = tap.stderr.readline()   # printed once tcpdump listens
    assert "capturing on www" in line, line
    return tap


def test_up_again_is_a_no_op_until_a_host_is_gone_then_brings_it_back(instances):
    again = playground("testa", "up", timeout=120)
    assert again.returncode == 0 and "already up" in again.stdout, again.stderr
    client().containers.get("testa-h2").remove(force=True)
    back = playground("testa", "up", timeout=300)
    assert back.returncode == 0 and "testa: ready" in back.stdout, back.stderr
    assert containers()["testa-h2"]["state"] == "running"


def test_down_of_one_leaves_the_others_running(instances, topology):
    done = playground("testb", "down")
    assert done.returncode == 0, done.stderr
    state = containers()
    assert not [h for h in topology.names if f"testb-{h}" in state]
    assert not [n for n, project, _ in networks() if project == project_of("testb")]
    for name in ("testa", ""):
        done = playground(name, "status")
        assert done.returncode == 0, f"{name or 'default'}: {done.stdout}{done.stderr}"
