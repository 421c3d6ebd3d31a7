"""The DNS zones written from compose.yaml (images/dns/zonegen.py), checked without BIND."""
import copy
import ipaddress

import pytest

import imagescript
from playground.topology import Topology

zonegen = imagescript.load("images/dns/zonegen.py")
topo = Topology()


def records(zones, rtype):
    return {(line.split()[0], line.split()[-1]) for lines in zones.values() for line in lines
            if line.split()[2:3] == [rtype]}


def test_every_host_has_a_and_ptr_records():
    zones = zonegen.build(topo)
    a, ptr = records(zones, "A"), records(zones, "PTR")
    shared = {"192.168.1.1"}
    for host in topo.hosts.values():
        for iface in host.interfaces:
            ip = str(iface.ip)
            if ip in shared:
                continue
            assert (host.fqdn + ".", ip) in a
            assert (iface.ip.reverse_pointer + ".", host.fqdn + ".") in ptr
    assert ("1.1.168.192.in-addr.arpa.", "modem.") in ptr


def test_names_land_in_the_most_specific_zone():
    zones = zonegen.build(topo)
    assert any(line.startswith("www.example.com. IN A") for line in zones["example.com."])
    assert any(line.startswith("h1. IN A") for line in zones["."])
    assert all(not line.startswith("h1.") for line in zones["example.com."])
    for zone, lines in zones.items():
        assert sum(" SOA " in line for line in lines) == 1, zone


def test_an_undeclared_shared_address_is_refused():
    compose = copy.deepcopy(topo.compose)
    compose["x-playground"]["zone"]["names"] = {}
    with pytest.raises(SystemExit, match="192.168.1.1"):
        zonegen.build(Topology(compose))


def test_reverse_pointer_is_in_a_served_zone():
    zones = zonegen.build(topo)
    for name, _ in records(zones, "PTR"):
        assert zonegen.zone_of(name, zones) != ".", name
    assert ipaddress.ip_address("10.130.1.4").reverse_pointer == "4.1.130.10.in-addr.arpa"


def test_every_ipv6_address_has_aaaa_and_an_ip6_arpa_ptr():
    zones = zonegen.build(topo)
    aaaa, ptr = records(zones, "AAAA"), records(zones, "PTR")
    for host in topo.hosts.values():
        for iface in host.interfaces:
            assert (host.fqdn + ".", str(iface.ip6)) in aaaa, (host.name, iface.name)
            assert (iface.ip6.reverse_pointer + ".", host.fqdn + ".") in ptr
            assert zonegen.zone_of(iface.ip6.reverse_pointer + ".", zones) == "0.0.d.f.ip6.arpa."


def test_www_has_both_families():
    zones = zonegen.build(topo)
    www = {tuple(line.split()[2:]) for line in zones["example.com."] if line.startswith("www.")}
    assert www == {("A", "10.130.1.4"), ("AAAA", "fd00:130:1::4")}
