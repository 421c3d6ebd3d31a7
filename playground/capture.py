"""Packet captures with tcpdump inside a host, brought back to the host as pcap files."""
from __future__ import annotations

import os
import re
import shlex
import time
from contextlib import contextmanager
from pathlib import Path

from . import ladder, pcap
from .engine import PlaygroundError, exec_, get_file
from .run import Server, scratch
from .topology import Topology

# Unbuffered, immediate delivery: without these a capture stopped right after the traffic
# comes back empty. Big buffer so bursts are not dropped; -Z root so /tmp is writable.
TCPDUMP = ["tcpdump", "-n", "-U", "--immediate-mode", "-B", "32768", "-Z", "root"]


def interface(topo: Topology, host: str, facing: str | None) -> str:
    return topo.facing(host, facing).name if facing else "any"


def refusal(host: str, iface: str, *bpf: str) -> str | None:
    """tcpdump's reason (its last line, warnings aside) for refusing the filter, compiled
    with -d on host; None when it compiles."""
    compiled = exec_(host, "tcpdump", "-i", iface, "-d", *bpf, timeout=10)
    if compiled.returncode == 0:
        return None
    lines = [ln for ln in compiled.stderr.splitlines() if ln.strip() and "warning" not in ln]
    return lines[-1] if lines else "no message"


def check_filter(host: str, iface: str, bpf: str) -> None:
    """A filter tcpdump cannot compile is one line, before any capture starts."""
    why = refusal(host, iface, *shlex.split(bpf))
    if why:
        raise PlaygroundError(f"the filter {bpf!r}: {why.removeprefix('tcpdump: ')}: see "
                              "`man pcap-filter` for how to write one, e.g. 'tcp port 80'")


def writable(path: str) -> None:
    """Fail in one line unless a pcap file can be written at path."""
    target = Path(path).resolve()
    if target.is_dir() or not target.parent.is_dir() or not os.access(target.parent, os.W_OK):
        raise PlaygroundError(f"cannot write {path}: give a file name in a folder that exists "
                              "and that you can write to")


class Capture:
    def __init__(self, host: str, iface: str, bpf: str, path: Path):
        self.host, self.iface, self.filter, self.path = host, iface, bpf, path
        self.packets: list[pcap.Packet] = []
        self.dropped: int | None = None   # what tcpdump says the kernel dropped, at its end
        self.ladder: Path | None = None   # its diagram, when drawn (see playground/ladder.py)
        self._remote = scratch(".pcap", "/run")   # gone if the host restarts
        argv = [*TCPDUMP, "-i", iface, "-w", self._remote, *shlex.split(bpf)]
        self._tcpdump = Server(host, tuple(argv))

    def wait_listening(self, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while "listening on" not in self._tcpdump.output():
            if not self._tcpdump.alive() or time.monotonic() > deadline:
                raise AssertionError(f"tcpdump on {self.host} did not start: "
                                     f"{self._tcpdump.stop().strip()}")
            time.sleep(0.05)   # poll interval of the readiness check

    def finish(self) -> list[pcap.Packet]:
        """Stop tcpdump (SIGINT, inside the container), copy the pcap home and parse it."""
        said = self._tcpdump.stop(signal="INT")
        found = re.search(r"(\d+) packets? dropped by kernel", said)
        self.dropped = int(found[1]) if found else None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # docker cp cannot read a tmpfs: the pcap leaves /run to be copied, then goes.
        copy = self._remote.replace("/run/", "/tmp/", 1)
        exec_(self.host, "mv", self._remote, copy)
        self.path.write_bytes(get_file(self.host, copy))
        exec_(self.host, "rm", "-f", copy)
        self.packets = pcap.read(self.path)
        return self.packets

    def __iter__(self):
        return iter(self.packets)


@contextmanager
def capture(topo: Topology, host: str, facing: str | None = None, bpf: str = "",
            save_to: Path = Path("results")):
    """Capture on host (on its link towards `facing`, or everywhere) around the block;
    the pcap and its ladder diagram (.svg) are kept in save_to."""
    iface = interface(topo, host, facing)
    path = _free_path(save_to, f"{host}-{iface}")
    cap = Capture(host, iface, bpf, path)
    try:
        cap.wait_listening()
        yield cap
    finally:
        cap.ladder = ladder.write(cap.path, topo, host=host, packets=cap.finish())


def _free_path(folder: Path, stem: str) -> Path:
    """results/<test>/<host>-<iface>-N.pcap, reserved at once for captures side by side."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 1
    while (folder / f"{stem}-{n}.pcap").exists():
        n += 1
    path = folder / f"{stem}-{n}.pcap"
    path.touch()
    return path
