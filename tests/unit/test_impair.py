"""impair's plan: the commands for loss, rate and delay on a host's link, without Docker."""
from pathlib import Path

import pytest

from playground.impair import plan
from playground.topology import load

small = load(Path(__file__).parent / "topologies" / "small.yaml")


def test_loss_narrowed_to_one_port_on_the_link_towards_the_neighbour():
    steps = plan(small, "router", "modem", loss=0.3, match="-p udp --dport 2010", tag="t1")
    rule = ["POSTROUTING", "-t", "mangle", "-o", "modem", "-p", "udp", "--dport", "2010",
            "-m", "statistic", "--mode", "random", "--probability", "0.3",
            "-m", "comment", "--comment", "t1", "-j", "DROP"]
    assert steps.setup == [["iptables", "-I", *rule]]
    assert steps.teardown == [["iptables", "-D", *rule]]


def test_rate_uses_tbf_on_the_root_qdisc_and_removes_it():
    steps = plan(small, "modem", "pc", rate="1mbit")
    assert steps.setup == [["tc", "qdisc", "add", "dev", "lan", "root", "tbf", "rate", "1mbit",
                            "burst", "32kbit", "latency", "400ms"]]
    assert steps.teardown == [["tc", "qdisc", "del", "dev", "lan", "root"]]


def test_delay_with_loss_removes_the_rule_before_the_qdisc():
    steps = plan(small, "router", "web", delay="50ms", loss=0.1)
    assert [s[0] for s in steps.setup] == ["tc", "iptables"]
    assert [s[0] for s in steps.teardown] == ["iptables", "tc"]
    assert steps.setup[0][-3:] == ["netem", "delay", "50ms"]


@pytest.mark.parametrize("how, message", [
    ({"rate": "1mbit", "delay": "5ms"}, "one at a time"),
    ({"loss": 1.5}, "from 0 to 1"),
])
def test_impossible_impairments_are_refused(how, message):
    with pytest.raises(ValueError, match=message):
        plan(small, "router", "web", **how)


def test_no_link_between_the_hosts():
    with pytest.raises(ValueError, match="pc has no link to web"):
        plan(small, "pc", "web", loss=0.5)
