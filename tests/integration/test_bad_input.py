"""Bad input that only the running playground can judge (a capture filter, a link that is not
there): one line saying what to do, a non-zero exit, nothing left running. The cases that
need no engine are in tests/unit/test_bad_input_offline.py; README, Troubleshooting, lists them all."""
import os
import subprocess
import sys

from playground.project import ROOT


def one_line_error(*argv) -> str:
    done = subprocess.run([sys.executable, "-m", "playground", *argv], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    lines = done.stderr.strip().splitlines()
    assert done.returncode != 0 and len(lines) == 1, done.stderr
    return lines[0]


def test_a_filter_tcpdump_cannot_read_is_one_line_and_captures_nothing(tmp_path, run):
    pcap = tmp_path / "x.pcap"
    line = one_line_error("capture", "isp", "-w", str(pcap), "--seconds", "1", "tcp prt 80")
    assert line == ("playground: the filter 'tcp prt 80': can't parse filter expression: "
                    "syntax error: see `man pcap-filter` for how to write one, e.g. 'tcp port 80'")
    assert not pcap.exists()
    assert "prt" not in run("isp", "ps", "-eo", "args").stdout


def test_a_capture_facing_a_host_with_no_link_is_one_line():
    assert one_line_error("capture", "isp", "--facing", "h1") == \
        "playground: isp has no link to h1; its neighbours are: modemA, modemB, backbone"
