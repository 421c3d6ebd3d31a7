"""netsetup's plan and script, and the reader's checks, on the lab of topologies/small.yaml."""
import copy
import os
import subprocess
from pathlib import Path

import pytest

from playground import netsetup
from playground.topology import TopologyError, Topology, load

SMALL = Path(__file__).parent / "topologies" / "small.yaml"
small = load(SMALL)


def test_a_client_gets_its_addresses_routes_and_resolver():
    steps = netsetup.plan(small, "pc")
    # Docker's interface on the carrier is only known in the host: looked up by its subnet.
    assert steps.carriers == [("carrier0", "172.31.9.0/28", "eth0")]
    assert steps.commands == [
        ["ip", "addr", "flush", "dev", "${carrier0}", "scope", "global"],
        ["ip", "link", "set", "${carrier0}", "down"],
        ["ip", "link", "set", "${carrier0}", "name", "eth0"],
        ["ip", "addr", "add", "192.168.1.11/24", "brd", "+", "dev", "eth0"],
        ["ip", "link", "set", "eth0", "up"],
        ["ip", "-6", "addr", "add", "fd00:0:1::11/64", "dev", "eth0", "nodad"],
        ["ip", "route", "replace", "default", "via", "192.168.1.1"],
        ["ip", "-6", "route", "replace", "default", "via", "fd00:0:1::1"],
        # Nothing but neighbour discovery and ICMPv6 to link-local addresses (the Docker host's).
        ["ip6tables", "-A", "OUTPUT", "-d", "fe80::/10", "!", "-p", "ipv6-icmp", "-j",
         "REJECT", "--reject-with", "adm-prohibited"]]
    # The resolver is asked over IPv4, as before dual stack.
    assert steps.files["/etc/resolv.conf"] == "nameserver 10.0.0.1\nsearch example.com\n"
    assert steps.files["/etc/hosts"].endswith("192.168.1.11\tpc pc\nfd00:0:1::11\tpc pc\n")
    assert steps.announce == [["arping", "-q", "-U", "-c", "1", "-I", "eth0", "192.168.1.11"]]


def test_a_nat_modem_renames_its_links_and_masquerades_out_of_wan():
    # Docker's order of interfaces is not predictable: found by carrier subnet, not by name.
    steps = netsetup.plan(small, "modem")
    assert steps.carriers == [("carrier0", "172.31.9.0/28", "lan"),
                              ("carrier1", "172.31.9.16/28", "wan")]
    assert ["ip", "link", "set", "${carrier1}", "name", "wan"] in steps.commands
    assert ["ip", "addr", "add", "10.0.0.2/32", "peer", "10.0.0.1/32", "dev", "wan"] \
        in steps.commands
    assert steps.commands.index(["ip", "link", "set", "${carrier1}", "down"]) < \
        steps.commands.index(["ip", "link", "set", "${carrier1}", "name", "wan"])
    assert ["iptables", "-t", "nat", "-A", "POSTROUTING", "-o", "wan", "-j", "MASQUERADE"] \
        in steps.commands
    assert ["iptables", "-t", "raw", "-A", "PREROUTING", "-p", "tcp", "--dport", "21",
            "-j", "CT", "--helper", "ftp"] in steps.commands


def test_a_router_routes_without_nat():
    steps = netsetup.plan(small, "router")
    assert ["ip", "route", "replace", "10.0.0.0/16", "via", "10.0.0.2"] in steps.commands
    assert ["ip", "-6", "route", "replace", "fd00:0:1::/64", "via", "fd00::2"] in steps.commands
    assert not [c for c in steps.commands if c[0] == "iptables"]
    assert not [c for c in steps.commands if c[:2] == ["ip6tables", "-A"] and "FORWARD" in c]


def test_point_to_point_ipv6_uses_a_peer_and_an_ipv4_only_lan_gets_none():
    steps = netsetup.plan(small, "router")
    peer6 = ["ip", "-6", "addr", "add", "fd00::1/128", "peer", "fd00::2/128", "dev", "modem",
             "nodad"]
    # After the link is up: otherwise the kernel makes no route to the peer.
    assert steps.commands.index(peer6) > steps.commands.index(["ip", "link", "set", "modem", "up"])
    assert not [c for c in steps.commands if c[:2] == ["ip", "-6"] and "lan" in c]


def test_the_modem_translates_ipv4_only_and_lets_in_only_replies_to_ipv6():
    steps = netsetup.plan(small, "modem")
    rules = [c for c in steps.commands if c[0] == "ip6tables"]
    assert rules[:2] == [
        ["ip6tables", "-A", "FORWARD", "-m", "conntrack", "--ctstate", "ESTABLISHED,RELATED",
         "-j", "ACCEPT"],
        ["ip6tables", "-A", "FORWARD", "-i", "wan", "-j", "DROP"]]
    assert not [c for c in rules if "nat" in c or "MASQUERADE" in c]


def test_getaddrinfo_prefers_ipv4_on_every_host():
    gai = netsetup.plan(small, "pc").files["/etc/gai.conf"]
    table = dict(line.split()[1:] for line in gai.splitlines() if line.startswith("precedence"))
    assert int(table["::ffff:0:0/96"]) > int(table["::/0"])   # IPv4 (mapped) above IPv6
    assert set(table) == {"::1/128", "::/0", "2002::/16", "::/96", "::ffff:0:0/96"}


def test_the_script_tells_the_start_up_the_ports_and_the_ipv6_address():
    web = netsetup.script(netsetup.plan(small, "web"), "web")
    assert "export LAB_PORTS='80 443'\nexport LAB_ADDRESS6=''\n" in web   # IPv4 only
    pc = netsetup.plan(small, "pc").facts
    assert pc == {"LAB_PORTS": "", "LAB_ADDRESS6": "fd00:0:1::11"}


def test_the_script_batches_ip_and_retries_only_the_routes():
    text = netsetup.script(netsetup.plan(small, "modem"), "modem")
    assert subprocess.run(["sh", "-n"], input=text, text=True).returncode == 0   # valid sh
    links, routes = text.split("ip -batch - <<EOF\n")[1:]
    assert links.startswith("addr flush dev ${carrier0} scope global\n")
    assert "addr add fd00::2/128 peer fd00::1/128 dev wan nodad\n" in links   # no "-6"
    assert routes.startswith("route replace default via 10.0.0.1\n"
                             "route replace default via fd00::1\nEOF\n")
    assert text.index("carrier1=$(carrier 172.31.9.16/28 wan)") < text.index("ip -batch")
    assert "ip6tables -A OUTPUT -d fe80::/10 '!' -p ipv6-icmp" in text   # quoted for sh
    assert text.rstrip().endswith("arping -q -U -c 1 -I wan 10.0.0.2 &")


@pytest.fixture
def fake_ip(tmp_path):
    """An `ip` that prints what the test says, first on PATH."""
    def make(output):
        (tmp_path / "ip").write_text(f"#!/bin/sh\nprintf '{output}'\n")
        (tmp_path / "ip").chmod(0o755)
        return {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}"}
    return make


def test_the_carrier_interface_is_found_by_its_route(fake_ip):
    env = fake_ip("172.31.9.32/28 dev eth1 proto kernel scope link src 172.31.9.34 \\n")
    done = subprocess.run(["sh", "-c", netsetup.PROLOGUE + "carrier 172.31.9.32/28 lan"],
                          env=env, capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "eth1\n"), done.stderr


def test_a_missing_carrier_interface_is_named(fake_ip):
    done = subprocess.run(["sh", "-c", netsetup.PROLOGUE + "carrier 172.31.9.32/28 lan"],
                          env=fake_ip(""), capture_output=True, text=True)
    assert done.returncode == 1
    assert "has no interface on carrier network 172.31.9.32/28 (for lan): is the service " \
        "attached to that network?" in done.stderr


def test_every_host_gets_its_script_and_a_change_rewrites_it(tmp_path):
    netsetup.write_scripts(small, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{h}.sh" for h in sorted(small.names)]
    (tmp_path / "pc.sh").write_text("stale\n")
    netsetup.write_scripts(small, tmp_path)
    assert (tmp_path / "pc.sh").read_text() == netsetup.script(netsetup.plan(small, "pc"), "pc")


def broken(edit):
    compose = copy.deepcopy(small.compose)
    edit(compose)
    return compose


@pytest.mark.parametrize("edit, message", [
    (lambda c: c["services"]["web"]["x-lab"]["interfaces"]["eth0"].pop("address"),
     "service web: x-lab.interfaces.eth0: no 'address'"),
    (lambda c: c["services"]["web"]["x-lab"].update(adress="10.9.0.5"),
     "service web: x-lab: unknown key 'adress'"),
    (lambda c: c["services"]["pc"]["x-lab"]["interfaces"]["eth0"].update(address="192.168.1.300"),
     "service pc: x-lab.interfaces.eth0.address: '192.168.1.300' is not an IPv4 address"),
    (lambda c: c["services"]["pc"]["x-lab"]["interfaces"]["eth0"].update(net="homme"),
     "service pc: x-lab.interfaces.eth0.net: no network named 'homme'"),
    (lambda c: c["services"]["pc"].update(networks=["uplink"]),
     "service pc: x-lab.interfaces.eth0.net: the service does not join 'home'"),
    (lambda c: c["services"]["modem"]["x-lab"].update(nat="wlan"),
     "service modem: x-lab.nat: 'wlan' is not one of its interfaces"),
    (lambda c: c["services"]["web"].update(volumes=[]),
     "service web: x-lab.tls is true but ./certs/hosts/web is not mounted"),
    (lambda c: c["services"]["web"]["x-lab"].update(ports={"http": "web"}),
     "service web: x-lab.ports: 'http' is not a port number"),
    (lambda c: c["services"]["router"]["x-lab"]["routes"].update({"10.0.0.0/33": "10.0.0.2"}),
     "service router: x-lab.routes: '10.0.0.0/33' is not 'default' or an IPv4 network"),
    (lambda c: c["services"]["pc"]["x-lab"].pop("role"), "service pc: x-lab: no 'role'"),
    (lambda c: c["x-playground"].update(dns="ns"), "x-playground.dns: 'ns' is not a host"),
    (lambda c: c.pop("x-playground"), "x-playground: expected a mapping"),
    (lambda c: c["services"]["router"]["x-lab"]["interfaces"]["modem"].pop("peer"),
     "service router: x-lab.interfaces.modem: a /32 address needs a 'peer'"),
    (lambda c: c["services"]["router"]["x-lab"]["interfaces"]["modem"].pop("peer6"),
     "service router: x-lab.interfaces.modem: a /128 address6 needs a 'peer6'"),
    (lambda c: c["services"]["pc"]["x-lab"]["interfaces"]["eth0"].update(address6="2001:db8::1/64"),
     "service pc: x-lab.interfaces.eth0.address6: '2001:db8::1/64' is not a unique local"),
    (lambda c: c["services"]["pc"]["x-lab"]["interfaces"]["eth0"].update(address6="fc00::1/64"),
     "service pc: x-lab.interfaces.eth0.address6: 'fc00::1/64' is not a unique local address "
     "(fd00::/8)"),
    (lambda c: c["services"]["pc"]["x-lab"]["interfaces"]["eth0"].update(address6="fd00::1::2"),
     "service pc: x-lab.interfaces.eth0.address6: 'fd00::1::2' is not an IPv6 address"),
    (lambda c: c["services"]["web"]["x-lab"]["interfaces"]["eth0"].update(peer6="fd00::1"),
     "service web: x-lab.interfaces.eth0: a 'peer6' needs an 'address6'"),
    (lambda c: c["services"]["pc"]["x-lab"]["routes6"].update(default="192.168.1.1"),
     "service pc: x-lab.routes6.default: '192.168.1.1' is not an IPv6 address"),
    (lambda c: c["services"]["router"]["x-lab"]["routes6"].update({"10.0.0.0/16": "fd00::2"}),
     "service router: x-lab.routes6: '10.0.0.0/16' is not 'default' or an IPv6 network"),
    (lambda c: c["services"]["modem"]["x-lab"].update(firewall="wlan"),
     "service modem: x-lab.firewall: 'wlan' is not one of its interfaces"),
])
def test_a_bad_topology_gets_one_line_naming_service_and_key(edit, message):
    with pytest.raises(TopologyError) as caught:
        Topology(broken(edit))
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_unreadable_yaml_names_the_line(tmp_path):
    bad = tmp_path / "compose.yaml"
    bad.write_text("services:\n  h1: [\n")
    with pytest.raises(TopologyError, match=r"compose.yaml: line \d+: not valid YAML"):
        load(bad)


def test_the_playground_itself_reads_clean():
    topo = Topology()
    assert topo.dns_server.name == "backbone" and topo.search == "example.com"
    assert sorted(h.name for h in topo.hosts.values() if h.tls) == ["ftp", "mail", "www"]
