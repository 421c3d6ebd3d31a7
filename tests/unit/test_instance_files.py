"""A named instance's compose file, made from compose.yaml: names, subnets, mounts."""
import ipaddress

import pytest

from playground import cli, instances
from playground.engine import PlaygroundError
from playground.topology import Topology

from test_cli import playground

topo = Topology()
BLOCK = ipaddress.ip_network("172.31.241.0/25")
SPAN = instances.span(topo)   # compose.yaml's carriers: 172.31.250.0/25


def test_the_carriers_move_as_one_block_keeping_their_layout():
    made = Topology(instances.made(topo, "alice", BLOCK), "made")
    assert SPAN.prefixlen == BLOCK.prefixlen
    assert set(made.carriers) == set(topo.carriers)
    for net, subnet in made.carriers.items():
        assert subnet.subnet_of(BLOCK), net
        assert not subnet.overlaps(SPAN), net
        offset = int(topo.carriers[net].network_address) - int(SPAN.network_address)
        assert int(subnet.network_address) - int(BLOCK.network_address) == offset, net


def test_the_span_is_the_smallest_aligned_block_holding_every_carrier():
    topo = Topology(instances.made(Topology(), "x", ipaddress.ip_network("10.0.0.0/25")), "x")
    assert instances.span(topo) == ipaddress.ip_network("10.0.0.0/25")
    unaligned = Topology({**topo.compose, "networks": {
        net: {"ipam": {"config": [{"subnet": subnet}]}} for net, subnet in
        zip(topo.carriers, ["10.0.0.48/28", "10.0.0.64/28"] + ["10.0.0.64/28"] * 5)}}, "x")
    assert instances.span(unaligned) == ipaddress.ip_network("10.0.0.0/25")


def test_containers_project_and_mounts_are_the_instances_own():
    made = instances.made(topo, "alice", BLOCK)
    assert made["name"] == "playground-alice"
    home = str(instances.INSTANCES / "alice")
    for host in topo.names:
        svc = made["services"][host]
        assert svc["container_name"] == f"alice-{host}"
        assert svc["hostname"] == topo.compose["services"][host]["hostname"]   # h1 inside
        sources = [v.split(":")[0] for v in svc["volumes"]]
        assert f"{home}/compose.yaml" in sources and f"{home}/certs/shared" in sources
        assert not any(s.startswith(("./certs", "./compose.yaml")) for s in sources), host
    www = [v.split(":")[0] for v in made["services"]["www"]["volumes"]]
    assert f"{home}/certs/hosts/www" in www
    # The lab itself is the same: addresses, routes and zone.
    again = Topology(made, "made")
    assert {h.name: h.interfaces for h in again.hosts.values()} == \
        {h.name: h.interfaces for h in topo.hosts.values()}
    assert again.zone == topo.zone


def test_a_block_is_the_first_free_one_and_is_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(instances, "INSTANCES", tmp_path)
    used = [ipaddress.ip_network("172.31.240.0/24"), ipaddress.ip_network("172.31.241.0/26")]
    first = instances.allocate("alice", 25, used)
    assert first == ipaddress.ip_network("172.31.241.128/25")
    # Kept: the same block next time, whatever is in use by then.
    assert instances.allocate("alice", 25, []) == first
    assert (tmp_path / "alice" / "block.txt").read_text().strip() == str(first)


def test_a_full_pool_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(instances, "INSTANCES", tmp_path)
    with pytest.raises(PlaygroundError, match="down --forget"):
        instances.allocate("bob", 25, [instances.CARRIER_POOL])


@pytest.mark.parametrize("argv, expected", [
    (["up", "--instance", "alice"], (["up"], "alice")),
    (["shell", "--instance=bob", "h1", "ls"], (["shell", "h1", "ls"], "bob")),
    (["status"], (["status"], None)),
])
def test_the_instance_option_is_taken_out_of_any_verb(argv, expected):
    assert cli.instance_option(argv) == expected


@pytest.mark.parametrize("name", ["Alice", "1st", "a-b", "../x", "x" * 17])
def test_a_bad_instance_name_is_refused_with_one_line_and_status_2(name):
    done = playground("status", "--instance", name)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "not an instance name" in done.stderr
