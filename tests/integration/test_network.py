"""The playground network as compose.yaml declares it, checked inside the running hosts."""
import ipaddress
import json

import pytest
import testinfra

from playground import lifecycle
from playground.engine import PROJECT, client, container


def lab_path(topo):
    """The book's five hops from h1 to www, derived from the topology."""
    return [topo.facing("modemA", "h1").ip, topo.facing("isp", "modemA").ip,
            topo.facing("backbone", "isp").ip, topo.facing("example", "backbone").ip,
            topo["www"].address]


def test_every_host_has_exactly_its_lab_addresses_and_routes(topology, run):
    for host in topology.hosts.values():
        links = json.loads(run(host.name, "ip", "-j", "-4", "addr").check().stdout)
        found = {(link["ifname"], f'{a["local"]}/{a["prefixlen"]}')
                 for link in links if link["ifname"] != "lo" for a in link["addr_info"]}
        assert found == {(i.name, str(i.address)) for i in host.interfaces}, host.name
        routes = json.loads(run(host.name, "ip", "-j", "-4", "route").check().stdout)
        gateways = {r["dst"]: r["gateway"] for r in routes if "gateway" in r}
        assert gateways == {dest: str(via) for dest, via in host.routes.items()}, host.name


def test_only_routers_forward(topology, machine):
    for host in topology.hosts.values():
        value = machine(host.name).sysctl("net.ipv4.ip_forward")
        assert value == (1 if host.forwards else 0), host.name


def test_traceroute_shows_the_book_path_with_names(topology, run):
    numeric = run("h1", "traceroute", "-n", "-q", "1", "-w", "2", "www.example.com").check()
    hops = [line.split()[1] for line in numeric.stdout.splitlines()[1:]]
    assert hops == [str(ip) for ip in lab_path(topology)]
    named = run("h1", "traceroute", "-q", "1", "-w", "2", "www.example.com").check()
    names = [line.split()[1] for line in named.stdout.splitlines()[1:]]
    assert names == ["modem", "isp", "backbone", "example.com", "www.example.com"]


def test_ping_crosses_four_routers(run):
    out = run("h1", "ping", "-c", "1", "-W", "2", "www.example.com").check().stdout
    assert "ttl=60" in out


@pytest.mark.parametrize("client, modem", [("h1", "modemA"), ("h4", "modemB")])
def test_servers_see_the_modem_not_the_client(topology, run, client, modem):
    seen = json.loads(run(client, "curl", "-sf", "http://www.example.com/ip").check().stdout)
    assert seen["origin"] == str(topology[modem].interface("wan").ip)
    entries = run(modem, "conntrack", "-L", "-p", "tcp", "--dport", "80",
                  "-s", str(topology[client].address)).stdout
    assert f"dst={topology[modem].interface('wan').ip}" in entries


def test_dns_queries_cross_the_isp_to_the_backbone(topology, run, capture):
    with capture("isp", facing="backbone", filter="udp port 53") as cap:
        run("h1", "getent", "hosts", "mail.example.com").check()
    wan, dns = str(topology["modemA"].interface("wan").ip), str(topology.dns_server.address)
    queries = [p for p in cap.packets if p.dport == 53]
    assert queries and all((p.src, p.dst) == (wan, dns) for p in queries)
    assert any(p.sport == 53 and p.dst == wan for p in cap.packets)
    assert any(b"mail" in p.payload for p in queries)


def test_broadcast_stays_in_home_a(run, capture):
    with capture("h2", facing="modemA", filter="udp port 9999") as on_h2, \
            capture("h4", facing="modemB", filter="udp port 9999") as on_h4:
        run("h1", "socat", "-u", "-", "UDP-DATAGRAM:192.168.1.255:9999,broadcast",
            stdin="hello, home A\n").check()
        run("h4", "true")   # one more round trip, so anything in flight has arrived
    frames = [p for p in on_h2.packets if p.payload == b"hello, home A\n"]
    assert frames and frames[0].eth_dst == "ff:ff:ff:ff:ff:ff"
    assert on_h4.packets == []


def test_no_way_out_of_the_lab(topology, run, machine):
    # Route look-ups only: no packet is sent anywhere outside the lab.
    for outside in ["8.8.8.8", "172.17.0.1", "192.168.0.1"]:
        result = run("backbone", "ip", "route", "get", outside)
        assert result.status != 0 and "unreachable" in result.stderr, outside
    dns = str(topology.dns_server.address)
    for host in topology.names:
        resolv = machine(host).file("/etc/resolv.conf").content_string
        assert resolv.split("\n")[0] == f"nameserver {dns}", host


def test_lab_dns_forwards_nothing(topology, run):
    out = run("h1", "dig", "+norecurse", f"@{topology.dns_server.address}", "python.org").stdout
    assert "status: NXDOMAIN" in out and " aa" in out.split("flags:")[1].split(";")[0]


def test_h1_cannot_reach_home_b(topology, run):
    assert run("h1", "ping", "-c", "1", "-W", "1", str(topology["h4"].address)).status != 0


def test_docker_host_has_no_address_on_lab_segments(topology):
    docker_host = testinfra.get_host("local://")
    for net in topology.carriers:
        bridge = docker_host.interface(f"br-{client().networks.get(f'{PROJECT}_{net}').short_id}")
        assert bridge.exists, net
        assert [a for a in bridge.addresses if ipaddress.ip_address(a).version == 4] == [], net


@pytest.mark.recreates_hosts
@pytest.mark.parametrize("host", ["isp", "h1"])
def test_a_restarted_host_heals_by_itself(topology, run, host):
    client().containers.get(container(host)).restart(timeout=1)
    lifecycle.wait_ready(topology, timeout=60)
    assert "ttl=60" in run("h1", "ping", "-c", "1", "-W", "2", "www").check().stdout
