"""up and down as a user meets them: idempotent, labs refuse politely when it is down, and a
second checkout does not take the running playground over."""
import os
import shutil
import subprocess
import sys

import pytest

from playground.engine import PROJECT, containers
from playground.project import ROOT


def script(name, *args):
    return subprocess.run([str(ROOT / "scripts" / name), *args], capture_output=True, text=True,
                          timeout=900)


def ours():
    return {name: c for name, c in containers().items() if c["project"] == PROJECT}


def test_up_when_up_is_a_quick_no_op():
    result = script("up")
    assert result.returncode == 0 and "already up" in result.stdout


@pytest.fixture
def second_checkout(tmp_path):
    """Runs the playground command in a copy of the checkout beside this one. Its docker CLI
    knows only `compose version`: should a check ever let a command through, compose fails
    there instead of touching the hosts of the running playground."""
    shutil.copy(ROOT / "compose.yaml", tmp_path)
    fake = tmp_path / "bin" / "docker"
    fake.parent.mkdir()
    fake.write_text('#!/bin/sh\n[ "$*" = "compose version --short" ] && echo 2.40.3 && exit 0\n'
                    'echo "not in this test" >&2; exit 1\n')
    fake.chmod(0o755)
    env = {**os.environ, "PLAYGROUND_ROOT": str(tmp_path), "PYTHONPATH": str(ROOT),
           "PATH": f"{fake.parent}{os.pathsep}{os.environ['PATH']}"}
    return lambda *argv: subprocess.run([sys.executable, "-m", "playground", *argv],
                                        cwd=tmp_path, env=env, capture_output=True, text=True,
                                        timeout=120)


@pytest.mark.parametrize("verb", ["up", "down"])
def test_up_or_down_from_another_checkout_refuses_and_touches_nothing(second_checkout,
                                                                       tmp_path, verb):
    before = ours()
    result = second_checkout(verb)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"playground: the playground running here belongs to the checkout in {ROOT}: run "
        "./scripts/down there first, or work in that checkout"]
    assert ours() == before
    assert not (tmp_path / "certs").exists()   # refused before making anything


def test_up_take_over_goes_past_the_refusal_to_compose(second_checkout):
    before = ours()
    result = second_checkout("up", "--take-over")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == \
        "playground: docker compose up failed: not in this test"   # the first compose call
    assert ours() == before


@pytest.mark.recreates_hosts
def test_down_twice_then_labs_say_to_run_up_then_up_again(topology):
    try:
        assert script("down").returncode == 0
        assert script("down").returncode == 0   # down when down is fine
        assert ours() == {}
        status = script("status")
        assert status.returncode == 1 and status.stdout.count("absent") == len(topology.names)
        lab = subprocess.run([sys.executable, "-m", "pytest", "labs", "-q", "-p",
                              "no:cacheprovider"], cwd=ROOT, capture_output=True, text=True,
                             timeout=300)
        assert lab.returncode == 2
        assert "run ./scripts/up first" in lab.stdout + lab.stderr
        assert "FAILED" not in lab.stdout and "ERROR" not in lab.stdout
    finally:
        up = script("up")
    assert up.returncode == 0 and "playground: ready" in up.stdout
    assert script("status").stdout.count(" ready") == len(topology.names)


@pytest.mark.recreates_hosts
def test_new_ca_is_rolled_out_to_every_host(run, machine):
    old = (ROOT / "certs" / "shared" / "ca.crt").read_text()
    result = script("up", "--new-ca")
    assert result.returncode == 0, result.stderr
    new = (ROOT / "certs" / "shared" / "ca.crt").read_text()
    assert new != old
    bundle = machine("h4").file("/etc/ssl/certs/ca-certificates.crt").content_string
    assert new.strip() in bundle and old.strip() not in bundle
    run("h4", "curl", "-sf", "-o", "/dev/null", "https://www.example.com/get").check()
    served = run("h4", "sh", "-c", "openssl s_client -connect mail.example.com:993 "
                 "-verify_return_error </dev/null").stdout
    assert "Verify return code: 0 (ok)" in served
