"""Temporary link impairments on a host's interface: loss (iptables), rate (tbf), delay (netem)."""
from __future__ import annotations

import shlex
from contextlib import contextmanager

from .engine import exec_
from .run import scratch
from .topology import Topology


class Unsupported(Exception):
    """The kernel lacks what the impairment needs (netem, on some VMs)."""


def has_netem(host: str) -> bool:
    """Try a netem qdisc on the host's loopback and take it away again."""
    if exec_(host, "tc", "qdisc", "add", "dev", "lo", "root", "netem", "delay", "1ms").returncode:
        return False
    exec_(host, "tc", "qdisc", "del", "dev", "lo", "root")
    return True


def _sh(host: str, *cmd: str) -> None:
    result = exec_(host, *cmd)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} on {host} failed: {result.stderr.strip()}")


@contextmanager
def impair(topo: Topology, host: str, facing: str, loss: float = 0.0, rate: str | None = None,
           delay: str | None = None, match: str = ""):
    """Impair what `host` sends towards `facing`, for the duration of the block only.

    `match` narrows the loss to some traffic with iptables match arguments, e.g.
    "-p udp --dport 2010", so that tests running side by side keep their packets."""
    iface = topo.facing(host, facing).name
    if rate and delay:
        raise ValueError("rate and delay both need the root qdisc: use one at a time")
    tag = scratch("-impair").rsplit("/", 1)[1]
    rule = ["POSTROUTING", "-t", "mangle", "-o", iface, *shlex.split(match),
            "-m", "statistic", "--mode", "random",
            "--probability", str(loss), "-m", "comment", "--comment", tag, "-j", "DROP"]
    qdisc = None
    if delay:
        qdisc = ["netem", "delay", delay]
        if exec_(host, "tc", "qdisc", "add", "dev", iface, "root", *qdisc).returncode != 0:
            raise Unsupported("this kernel has no netem qdisc, so delay cannot be emulated")
    elif rate:
        qdisc = ["tbf", "rate", rate, "burst", "32kbit", "latency", "400ms"]
        _sh(host, "tc", "qdisc", "add", "dev", iface, "root", *qdisc)
    try:
        if loss:
            _sh(host, "iptables", "-I", *rule)
        yield
    finally:
        if loss:
            exec_(host, "iptables", "-D", *rule)
        if qdisc:
            exec_(host, "tc", "qdisc", "del", "dev", iface, "root")
