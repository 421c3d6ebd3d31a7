"""Give this container its lab addresses, routes, NAT and resolver, as declared in compose.yaml.

Docker attaches the container to carrier networks whose own addresses mean nothing to the lab
(its IPAM refuses the book's overlapping 192.168.1.0/24 LANs). For every interface declared in
the service's `x-lab` block, find the Docker interface by its carrier subnet, rename it after
where it leads, replace the carrier address by the lab addresses (IPv4, and IPv6 where declared)
and add the lab routes. Runs at every start, so a restarted host heals by itself.

plan() is a pure function of the topology and the interfaces found (unit-tested on small
topologies); main() runs what it returns.
"""
from __future__ import annotations

import ipaddress
import json
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field

from playground.topology import Topology, TopologyError, load   # mounted beside this file

COMPOSE = "/etc/playground/compose.yaml"
# getaddrinfo's order (RFC 6724, glibc's table) with IPv4 first: names resolve to both
# families, and programs that take the first address (most of the book's) keep using IPv4 as
# before; a program that asks for AF_INET6, or tries every address, gets IPv6 (chapter 4).
GAI_CONF = """\
# The playground prefers IPv4 (netsetup.py); with 10 for 100 below, glibc's default order.
precedence ::1/128       50
precedence ::/0          40
precedence 2002::/16     30
precedence ::/96         20
precedence ::ffff:0:0/96 100
"""


@dataclass
class Plan:
    commands: list = field(default_factory=list)    # argv lists, run in order
    announce: list = field(default_factory=list)    # argv lists, run in the background after
    files: dict = field(default_factory=dict)       # path -> contents


def plan(topo: Topology, me: str, found: dict) -> Plan:
    """What makes host `me` a lab host, given {carrier address: interface name} found in it."""
    host = topo[me]
    out = Plan()
    for iface in host.interfaces:
        current = _carrier_interface(found, topo.carriers[iface.network], me, iface.name)
        out.commands += _interface_commands(current, iface)
        # Neighbours may still cache the MAC this address had before a restart. In the
        # background: arping lingers a second for answers an unsolicited ARP never gets.
        out.announce.append(["arping", "-q", "-U", "-c", "1", "-I", iface.name, str(iface.ip)])
    for dest, via in host.routes.items():
        out.commands.append(["ip", "route", "replace", dest, "via", str(via)])
    for dest, via in host.routes6.items():
        out.commands.append(["ip", "-6", "route", "replace", dest, "via", str(via)])
    if host.nat:
        out.commands += [
            ["iptables", "-t", "nat", "-A", "POSTROUTING", "-o", host.nat, "-j", "MASQUERADE"],
            # Active FTP through NAT needs the kernel's FTP helper, off unless asked for.
            ["iptables", "-t", "raw", "-A", "PREROUTING", "-p", "tcp", "--dport", "21",
             "-j", "CT", "--helper", "ftp"]]
    if host.firewall:
        out.commands += _firewall6(host.firewall)
    if host.address6:
        # The lab speaks IPv6 on its own addresses. Link-local ones are for neighbour
        # discovery only: the Docker host's bridges have one too, and must stay out of reach.
        out.commands.append(["ip6tables", "-A", "OUTPUT", "-d", "fe80::/10", "!", "-p",
                             "ipv6-icmp", "-j", "REJECT", "--reject-with", "adm-prohibited"])
    names = f"{host.fqdn} {host.hostname}"
    out.files["/etc/hosts"] = (f"127.0.0.1\tlocalhost\n{host.address}\t{names}\n"
                               + (f"{host.address6}\t{names}\n" if host.address6 else ""))
    out.files["/etc/gai.conf"] = GAI_CONF
    out.files["/etc/resolv.conf"] = (f"nameserver {topo.dns_server.address}\n"
                                     f"search {topo.search}\n")
    return out


def _firewall6(outside: str) -> list:
    """A home router's stateful IPv6 firewall: out of the home anything, in only the replies
    (and what they relate to: ICMPv6 errors, an FTP data connection)."""
    forward = ["ip6tables", "-A", "FORWARD"]
    return [forward + ["-m", "conntrack", "--ctstate", "ESTABLISHED,RELATED", "-j", "ACCEPT"],
            forward + ["-i", outside, "-j", "DROP"],
            ["ip6tables", "-t", "raw", "-A", "PREROUTING", "-p", "tcp", "--dport", "21",
             "-j", "CT", "--helper", "ftp"]]


def _carrier_interface(found: dict, subnet, me: str, name: str) -> str:
    for addr, ifname in found.items():
        if ipaddress.ip_address(addr) in subnet:
            return ifname
    raise TopologyError(f"netsetup: {me} has no interface on carrier network {subnet} "
                        f"(for {name}): is the service attached to that network?")


def _interface_commands(current: str, iface) -> list:
    name = iface.name
    # Global addresses only: the IPv6 link-local one (neighbour discovery's) stays.
    commands = [["ip", "addr", "flush", "dev", current, "scope", "global"]]
    if current != name:
        commands += [["ip", "link", "set", current, "down"],
                     ["ip", "link", "set", current, "name", name]]
    if iface.peer:   # point-to-point link: /32 addresses, the peer reached on-link
        commands.append(["ip", "addr", "add", f"{iface.ip}/32", "peer", f"{iface.peer}/32",
                         "dev", name])
    else:
        commands.append(["ip", "addr", "add", iface.address.with_prefixlen, "brd", "+",
                         "dev", name])
    commands.append(["ip", "link", "set", name, "up"])
    # IPv6 on a link that is up: added on a down one, its peer route is never made.
    # nodad: usable at once (the lab's addresses are unique by design).
    if iface.peer6:
        commands.append(["ip", "-6", "addr", "add", f"{iface.ip6}/128", "peer",
                         f"{iface.peer6}/128", "dev", name, "nodad"])
    elif iface.address6:
        commands.append(["ip", "-6", "addr", "add", iface.address6.with_prefixlen, "dev", name,
                         "nodad"])
    return commands


def carrier_addresses() -> dict:
    """Map each of this container's IPv4 addresses to its interface's name."""
    out = subprocess.run(["ip", "-j", "-4", "addr", "show"], check=True,
                         capture_output=True, text=True).stdout
    return {addr["local"]: link["ifname"] for link in json.loads(out)
            for addr in link.get("addr_info", [])}


def apply(steps: Plan) -> None:
    # One `ip` for all the interfaces and one for all the routes, not one per command: twelve
    # hosts start at once, and each process counts. (Batched, `ip` takes the family from the
    # addresses.)
    ip = [[a for a in argv[1:] if a != "-6"] for argv in steps.commands if argv[0] == "ip"]
    links = [argv for argv in ip if argv[0] != "route"]
    routes = [argv for argv in ip if argv[0] == "route"]
    _ip_batch(links)
    for tries_left in reversed(range(50)):
        try:   # a peer's IPv6 route comes a moment after its address: the gateway may not be
            _ip_batch(routes)   # on-link yet
            break
        except subprocess.CalledProcessError:
            if not tries_left:
                raise
            time.sleep(0.01)
    for argv in steps.commands:
        if argv[0] != "ip":
            subprocess.run(argv, check=True)
    for path, text in steps.files.items():
        with open(path, "w") as f:
            f.write(text)
    for argv in steps.announce:
        subprocess.Popen(argv)


def _ip_batch(commands: list) -> None:
    if commands:
        subprocess.run(["ip", "-batch", "-"], check=True, text=True,
                       input="".join(" ".join(argv) + "\n" for argv in commands))


def main() -> None:
    try:
        apply(plan(load(COMPOSE), socket.gethostname(), carrier_addresses()))
    except TopologyError as e:
        sys.exit(str(e))


if __name__ == "__main__":
    main()
