"""up and down as a user meets them: idempotent, and labs refuse politely when it is down."""
import subprocess
import sys

from playground.engine import PROJECT, containers
from playground.topology import ROOT


def script(name, *args):
    return subprocess.run([str(ROOT / "scripts" / name), *args], capture_output=True, text=True,
                          timeout=900)


def test_up_when_up_is_a_quick_no_op():
    result = script("up")
    assert result.returncode == 0 and "already up" in result.stdout


def test_down_twice_then_labs_say_to_run_up_then_up_again(topology):
    try:
        assert script("down").returncode == 0
        assert script("down").returncode == 0   # down when down is fine
        assert not [c for c in containers().values() if c["project"] == PROJECT]
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
