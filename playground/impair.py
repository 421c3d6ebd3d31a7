"""Temporary link impairments on a host's interface: loss (iptables), rate (tbf), delay (netem).

plan() returns the commands that set an impairment up and take it down again, as a pure
function of the topology (unit-tested); impair() runs them around a block."""
from __future__ import annotations

import shlex
from contextlib import contextmanager
from dataclasses import dataclass

from .engine import exec_
from .run import scratch
from .topology import Topology


class Unsupported(Exception):
    """The kernel lacks what the impairment needs (netem, on some VMs)."""


@dataclass
class Plan:
    setup: list     # argv lists, in order; each must succeed
    teardown: list  # argv lists, run whatever happened


def plan(topo: Topology, host: str, facing: str, loss: float = 0.0, rate: str | None = None,
         delay: str | None = None, match: str = "", tag: str = "impair") -> Plan:
    """The commands for an impairment of what `host` sends towards `facing`.

    `match` narrows the loss to some traffic with iptables match arguments, e.g.
    "-p udp --dport 2010", so that tests running side by side keep their packets; `tag` is
    an iptables comment that tells this rule from any other."""
    if rate and delay:
        raise ValueError("rate and delay both need the root qdisc: use one at a time")
    if not 0 <= loss <= 1:
        raise ValueError(f"loss is a share of the packets, from 0 to 1: {loss}")
    for name in (host, facing):
        if name not in topo.hosts:
            raise ValueError(f"no host named {name!r}; the hosts are: {', '.join(topo.names)}")
    if facing not in topo.neighbours(host):
        raise ValueError(f"{host} has no link to {facing}, so nothing to impair there; its "
                         f"neighbours are: {', '.join(topo.neighbours(host))}")
    iface = topo.facing(host, facing).name
    out = Plan([], [])
    qdisc = (["netem", "delay", delay] if delay else
             ["tbf", "rate", rate, "burst", "32kbit", "latency", "400ms"] if rate else None)
    if qdisc:
        out.setup.append(["tc", "qdisc", "add", "dev", iface, "root", *qdisc])
        out.teardown.append(["tc", "qdisc", "del", "dev", iface, "root"])
    if loss:
        rule = ["POSTROUTING", "-t", "mangle", "-o", iface, *shlex.split(match),
                "-m", "statistic", "--mode", "random", "--probability", str(loss),
                "-m", "comment", "--comment", tag, "-j", "DROP"]
        out.setup.append(["iptables", "-I", *rule])
        out.teardown.insert(0, ["iptables", "-D", *rule])
    return out


def has_netem(host: str) -> bool:
    """Try a netem qdisc on the host's loopback and take it away again."""
    if exec_(host, "tc", "qdisc", "add", "dev", "lo", "root", "netem", "delay", "1ms").returncode:
        return False
    exec_(host, "tc", "qdisc", "del", "dev", "lo", "root")
    return True


@contextmanager
def impair(topo: Topology, host: str, facing: str, **how):
    """Impair what `host` sends towards `facing` (see plan()) for the block only."""
    steps = plan(topo, host, facing, tag=scratch("-impair").rsplit("/", 1)[1], **how)
    done = 0
    try:
        for argv in steps.setup:
            result = exec_(host, *argv)
            if result.returncode != 0:
                if argv[-3:-1] == ["netem", "delay"]:
                    raise Unsupported("this kernel has no netem qdisc, so delay cannot be "
                                      "emulated")
                raise RuntimeError(f"{shlex.join(argv)} on {host} failed: "
                                   f"{result.stderr.strip()}")
            done += 1
        yield
    finally:
        for argv in steps.teardown if done else []:
            exec_(host, *argv)
