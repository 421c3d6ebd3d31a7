"""up and down as a user meets them: idempotent, and labs refuse politely when it is down."""
import subprocess
import sys

from playground.engine import PROJECT, containers
from playground.project import ROOT


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


def test_new_ca_is_rolled_out_to_every_host(run):
    old = (ROOT / "certs" / "shared" / "ca.crt").read_text()
    result = script("up", "--new-ca")
    assert result.returncode == 0, result.stderr
    new = (ROOT / "certs" / "shared" / "ca.crt").read_text()
    assert new != old
    bundle = run("h4", "cat", "/etc/ssl/certs/ca-certificates.crt").check().stdout
    assert new.strip() in bundle and old.strip() not in bundle
    run("h4", "curl", "-sf", "-o", "/dev/null", "https://www.example.com/get").check()
    served = run("h4", "sh", "-c", "openssl s_client -connect mail.example.com:993 "
                 "-verify_return_error </dev/null").stdout
    assert "Verify return code: 0 (ok)" in served
