"""Dual stack: the IPv6 half of the lab, as compose.yaml declares it, checked in the hosts.

With IPv4 both homes hide behind NAT; with IPv6 every host has its own address, the modems
only filter (a stateful firewall), and a server sees who really called.
"""
import json

import pytest

# A port of this file's own, outside every chapter's range (chapter N uses N000-N099).
PORT = 19019


def test_every_host_has_exactly_its_ipv6_addresses_and_routes(topology, run):
    for host in topology.hosts.values():
        links = json.loads(run(host.name, "ip", "-j", "-6", "addr").check().stdout)
        found = {(link["ifname"], a["local"]) for link in links
                 for a in link["addr_info"] if a["scope"] == "global"}
        assert found == {(i.name, str(i.ip6)) for i in host.interfaces}, host.name
        routes = json.loads(run(host.name, "ip", "-j", "-6", "route").check().stdout)
        gateways = {r["dst"]: r["gateway"] for r in routes if "gateway" in r}
        assert gateways == {dest: str(via) for dest, via in host.routes6.items()}, host.name


def test_only_routers_forward_ipv6(topology, machine):
    for host in topology.hosts.values():
        value = machine(host.name).sysctl("net.ipv6.conf.all.forwarding")
        assert value == (1 if host.forwards else 0), host.name


def test_traceroute_6_shows_the_same_five_routers(run):
    out = run("h1", "traceroute", "-6", "-q", "1", "-w", "2", "www.example.com").check().stdout
    hops = [line.split()[1:3] for line in out.splitlines()[1:]]
    assert hops == [["modemA", "(fd00:25:a::1)"], ["isp", "(fd00:25::1)"],
                    ["backbone", "(fd00:1::1)"], ["example.com", "(fd00:130::1)"],
                    ["www.example.com", "(fd00:130:1::4)"]]


def test_dns_answers_both_families_and_ip6_arpa(topology, run):
    def dig(*args):
        return run("h1", "dig", "+short", *args).check().stdout.split()
    assert dig("A", "www.example.com") == ["10.130.1.4"]
    assert dig("AAAA", "www.example.com") == ["fd00:130:1::4"]
    for name in ("h1", "h4", "isp", "mail"):
        assert dig("-x", str(topology[name].address6)) == [topology[name].fqdn + "."]
    # Still authoritative and closed: a name outside the lab does not exist, over IPv6 too.
    assert "status: NXDOMAIN" in run("h1", "dig", "@fd00:1::1", "AAAA", "python.org").stdout


def test_getaddrinfo_gives_both_families_ipv4_first(run):
    out = run("h1", "getent", "ahosts", "www.example.com").check().stdout.split("\n")
    addresses = list(dict.fromkeys(line.split()[0] for line in out if line))
    assert addresses == ["10.130.1.4", "fd00:130:1::4"]


@pytest.mark.parametrize("client, modem", [("h1", "modemA"), ("h4", "modemB")])
def test_www_sees_the_client_itself_over_ipv6_and_the_modem_over_ipv4(topology, run, capture,
                                                                      client, modem):
    me, modem = topology[client], topology[modem]
    with capture("www", filter="ip6 and tcp port 80") as cap:
        seen6 = json.loads(run(client, "curl", "-sf", "-6", "http://www.example.com/ip")
                           .check().stdout)
    assert seen6["origin"] == str(me.address6)
    syns = [p for p in cap if p.flags == "S" and p.dport == 80]
    assert [(p.version, p.src) for p in syns] == [(6, str(me.address6))]
    seen4 = json.loads(run(client, "curl", "-sf", "-4", "http://www.example.com/ip")
                       .check().stdout)
    assert seen4["origin"] == str(modem.interface("wan").ip)


def test_tls_names_hold_over_ipv6(run):
    out = run("h1", "curl", "-sf", "-6", "https://www.example.com/get").check().stdout
    assert json.loads(out)["url"] == "https://www.example.com/get"


def test_every_service_answers_on_ipv6(topology, run):
    for host in topology.hosts.values():
        # Asked from a neighbour on its first link: no firewall on the way (h4's is modemB).
        asker = next(h.name for h, _ in topology.on_network(host.interfaces[0].network)
                     if h != host)
        for port in {22, *host.ports}:
            probe = run(asker, "nc", "-6", "-z", "-w", "2", str(host.address6), str(port))
            assert probe.status == 0, f"{host.name} port {port} over IPv6, from {asker}"
    assert "status: NOERROR" in run("h1", "dig", "+tcp", "@fd00:1::1", "AAAA",
                                    "www.example.com").stdout


@pytest.mark.parametrize("modem, inside", [("modemA", "h1"), ("modemB", "h4")])
def test_the_modem_lets_out_everything_and_in_only_replies(topology, run, serve, modem,
                                                           inside):
    target = str(topology[inside].address6)
    with serve(inside, "nc", "-6", "-k", "-l", "-p", str(PORT), port=PORT):
        # Unsolicited, from outside: the firewall drops it (no answer, not even a refusal).
        from_www = run("www", "nc", "-6", "-z", "-w", "2", target, str(PORT))
        assert from_www.status != 0
        # Open to the modem itself (on the home LAN), which is not on the way then.
        assert run(modem, "nc", "-6", "-z", "-w", "2", target, str(PORT)).status == 0
        # A reply to what went out comes in: the listener reaches www and back.
        assert run(inside, "nc", "-6", "-z", "-w", "2", "www.example.com", "80").status == 0
    dropped = run(modem, "ip6tables", "-vnxL", "FORWARD").check().stdout
    drop_rule = next(line for line in dropped.splitlines() if "DROP" in line and " wan " in line)
    assert int(drop_rule.split()[0]) > 0
    # No translation: no IPv6 NAT rule at all.
    assert "MASQUERADE" not in run(modem, "ip6tables", "-t", "nat", "-S").stdout


def test_link_local_addresses_carry_no_tcp(run):
    """The Docker host's bridges have link-local addresses too: the lab reaches none of them.
    Shown with modemA's own link-local address on h1's LAN, where sshd would answer (each
    end's rule refuses it: h1's SYN, modemA's reply)."""
    links = json.loads(run("modemA", "ip", "-j", "-6", "addr", "show", "dev", "lan").check()
                       .stdout)
    local = next(a["local"] for a in links[0]["addr_info"] if a["scope"] == "link")
    assert run("h1", "ping", "-6", "-c", "1", "-W", "2", f"{local}%eth0").status == 0
    refused = run("h1", "nc", "-6", "-z", "-w", "2", f"{local}%eth0", "22")
    assert refused.status != 0
    assert run("h1", "nc", "-6", "-z", "-w", "2", "fd00:25:a::1", "22").status == 0   # its ULA
