"""Bad input to the commands and options that need no running playground: one line saying what
to do, a non-zero exit, nothing started. (README, Troubleshooting, lists every case tried;
tests/integration/test_bad_input.py has those that need the engine.)"""
import subprocess

import pytest

from playground import engine
from playground.engine import PlaygroundError
from playground.impair import plan
from playground.project import ROOT
from playground.topology import Topology

from test_cli import one_line_error, playground


@pytest.mark.parametrize("argv, words", [
    (["capture"], ["capture: the following arguments are required: host",
                   "see playground capture --help"]),
    (["capture", "isp", "-w", "/no/such/folder/x.pcap"], ["cannot write /no/such/folder/x.pcap"]),
    (["capture", "isp", "-w", str(ROOT)], ["cannot write"]),
    (["capture", "isp", "-w", "x.pcap", "--seconds", "-1"],
     ["--seconds: '-1' is not a number of seconds above 0"]),
    (["up", "--timeout", "soon"], ["--timeout: 'soon' is not a number of seconds above 0"]),
    (["bench", "--idle-seconds", "0"], ["--idle-seconds: '0' is not a number of seconds"]),
    (["status", "--everything"], ["status: unrecognized arguments: --everything"]),
    (["lint", "ch99"], ["no chapter 'ch99' in labs/: the chapters are ch01 to ch18"]),
    (["examine", "ch7"], ["no chapter 'ch7' in labs/"]),
    (["stress", "--rate", "50000"], ["stress is bounded", "--rate from 1 to 20000"]),
    (["stress", "--seconds", "60"], ["stress is bounded"]),
])
def test_bad_arguments_are_one_line(argv, words):
    one_line_error(playground(*argv), *words)


@pytest.mark.parametrize("verb", ["status", "down"])
def test_an_unknown_instance_is_one_line(verb):
    one_line_error(playground("--instance", "neverstarted", verb),
                   "no instance 'neverstarted' here",
                   "PLAYGROUND=neverstarted ./scripts/up")


def test_a_network_the_engine_will_not_remove_is_one_line_saying_what_to_do():
    """Docker 20.10's stuck endpoint count, as compose (or the engine API) reports it."""
    said = ("failed to remove network playground_home_a: Error response from daemon: error "
            "while removing network: network playground_home_a id a932 has active endpoints")
    with pytest.raises(PlaygroundError) as err:
        engine._cli(["sh", "-c", f"echo 'Network playground_home_a Removing' >&2; "
                                 f"echo '{said}' >&2; exit 1"], "docker compose down", True,
                    capture_output=True, text=True)
    assert str(err.value) == f"docker compose down failed: {engine.STUCK_NETWORK}"
    assert "\n" not in str(err.value)


def test_a_typo_in_a_limit_is_one_line_before_anything_starts(tmp_path):
    text = (ROOT / "compose.yaml").read_text()
    broken = text.replace("  mem_limit: 512m ", "  mem_limit: 512 MB", 1)
    assert broken != text
    (tmp_path / "compose.yaml").write_text(broken)
    one_line_error(playground("up", env={"PLAYGROUND_ROOT": str(tmp_path)}),
                   "compose.yaml: service h2: mem_limit: '512 MB' is not a size like 512m or 1g")


@pytest.mark.parametrize("host, facing, message", [
    ("h1", "isp", "h1 has no link to isp, so nothing to impair there; its neighbours are: "
                  "h2, h3, modemA"),
    ("isp", "h9", "no host named 'h9'"),
])
def test_an_impairment_where_there_is_no_link_is_one_line(host, facing, message):
    with pytest.raises(ValueError) as err:
        plan(Topology(), host, facing, loss=0.5)
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


def test_the_stress_script_has_help():
    done = subprocess.run([str(ROOT / "scripts" / "stress"), "--help"], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and "usage: playground stress" in done.stdout
