"""compose.yaml as the single source of truth: the book's addressing and the security rules."""
import ipaddress

import pytest

from playground import lifecycle
from playground.topology import Topology

topo = Topology()
services = {k: v for k, v in topo.compose["services"].items() if k in topo.hosts}


def test_twelve_hosts_named_as_in_the_book():
    assert sorted(topo.names) == sorted(["h1", "h2", "h3", "h4", "modemA", "modemB", "isp",
                                         "backbone", "example", "ftp", "mail", "www"])
    for name, svc in services.items():
        assert svc["container_name"] == svc["hostname"] == name


def test_interfaces_match_the_networks_each_host_joins():
    for name, svc in services.items():
        assert sorted(svc["networks"]) == sorted(i.network for i in topo[name].interfaces)


def test_both_homes_share_the_private_subnet():
    home_a = {h.name: i for h, i in topo.on_network("home_a")}
    home_b = {h.name: i for h, i in topo.on_network("home_b")}
    net = ipaddress.ip_network("192.168.1.0/24")
    assert home_a["modemA"].address == home_b["modemB"].address == ipaddress.ip_interface(
        "192.168.1.1/24")
    assert all(i.address.network == net for i in [*home_a.values(), *home_b.values()])


def test_only_multi_homed_hosts_forward():
    for host in topo.hosts.values():
        assert host.forwards == (len(host.interfaces) > 1), host.name


@pytest.mark.parametrize("peer, ip", [("peer", "ip"), ("peer6", "ip6")])
def test_point_to_point_peers_agree(peer, ip):
    for host in topo.hosts.values():
        for iface in host.interfaces:
            if getattr(iface, peer):
                far = [i for h, i in topo.on_network(iface.network) if h != host]
                assert [getattr(i, ip) for i in far] == [getattr(iface, peer)], \
                    (host.name, iface.name)


def test_facing_finds_the_interface_towards_a_neighbour():
    assert topo.facing("isp", "modemA").name == "modemA"
    assert topo.facing("modemA", "h1").name == "lan"
    with pytest.raises(KeyError):
        topo.facing("h1", "www")


def test_carrier_subnets_are_distinct():
    nets = list(topo.carriers.values())
    assert not any(a.overlaps(b) for i, a in enumerate(nets) for b in nets[i + 1:])


def test_least_privilege():
    for name, svc in services.items():
        assert not svc.get("privileged"), name
        assert svc.get("cap_add", []) == ["NET_ADMIN"], name
        assert not svc.get("init"), name   # the images' dumb-init is PID 1
        for port in svc.get("ports", []):   # published only on loopback, if at all
            assert str(port).startswith("127.0.0.1:"), (name, port)


def test_conflicting_container_or_subnet_is_named():
    foreign = {"h3": {"project": "other", "state": "running"}}
    assert "container named h3" in lifecycle.conflict(topo, foreign, [])
    clash = [("lab2", "other", "172.31.250.0/24")]
    assert "lab2 uses 172.31.250.0/24" in lifecycle.conflict(topo, {}, clash)
    ours = [("playground_home_a", "playground", "172.31.250.0/28")]
    assert lifecycle.conflict(topo, {"h1": {"project": "playground"}}, ours) is None


def test_dual_stack_everywhere_and_routers_forward_ipv6():
    for name, svc in services.items():
        sysctls = svc["sysctls"]
        assert sysctls["net.ipv6.conf.all.disable_ipv6"] == "0", name
        assert (sysctls["net.ipv6.conf.all.forwarding"] == "1") == topo[name].forwards, name
        assert all(i.address6 for i in topo[name].interfaces), name


def test_ipv6_gives_each_home_its_own_prefix_and_the_modems_a_firewall():
    home_a = {i.address6.network for _, i in topo.on_network("home_a")}
    home_b = {i.address6.network for _, i in topo.on_network("home_b")}
    assert len(home_a) == len(home_b) == 1 and home_a != home_b
    assert [h.name for h in topo.hosts.values() if h.firewall] == ["modemA", "modemB"]
    assert all(topo[m].firewall == topo[m].nat for m in ("modemA", "modemB"))
