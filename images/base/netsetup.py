"""Give this container its lab addresses, routes, NAT and resolver, as declared in compose.yaml.

Docker attaches the container to carrier networks whose own addresses mean nothing to the lab
(its IPAM refuses the book's overlapping 192.168.1.0/24 LANs). For every interface declared in
the service's `x-lab` block, find the Docker interface by its carrier subnet, rename it after
where it leads, replace the carrier address by the lab address and add the lab routes. Runs at
every start, so a restarted host heals by itself.

plan() is a pure function of the topology and the interfaces found (unit-tested on small
topologies); main() runs what it returns.
"""
from __future__ import annotations

import ipaddress
import json
import socket
import subprocess
import sys
from dataclasses import dataclass, field

from playground.topology import Topology, TopologyError, load   # mounted beside this file

COMPOSE = "/etc/playground/compose.yaml"


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
    if host.nat:
        out.commands += [
            ["iptables", "-t", "nat", "-A", "POSTROUTING", "-o", host.nat, "-j", "MASQUERADE"],
            # Active FTP through NAT needs the kernel's FTP helper, off unless asked for.
            ["iptables", "-t", "raw", "-A", "PREROUTING", "-p", "tcp", "--dport", "21",
             "-j", "CT", "--helper", "ftp"]]
    out.files["/etc/hosts"] = (f"127.0.0.1\tlocalhost\n"
                               f"{host.address}\t{host.fqdn} {host.hostname}\n")
    out.files["/etc/resolv.conf"] = (f"nameserver {topo.dns_server.address}\n"
                                     f"search {topo.search}\n")
    return out


def _carrier_interface(found: dict, subnet, me: str, name: str) -> str:
    for addr, ifname in found.items():
        if ipaddress.ip_address(addr) in subnet:
            return ifname
    raise TopologyError(f"netsetup: {me} has no interface on carrier network {subnet} "
                        f"(for {name}): is the service attached to that network?")


def _interface_commands(current: str, iface) -> list:
    name = iface.name
    commands = [["ip", "addr", "flush", "dev", current]]
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
    return commands


def carrier_addresses() -> dict:
    """Map each of this container's IPv4 addresses to its interface's name."""
    out = subprocess.run(["ip", "-j", "-4", "addr", "show"], check=True,
                         capture_output=True, text=True).stdout
    return {addr["local"]: link["ifname"] for link in json.loads(out)
            for addr in link.get("addr_info", [])}


def apply(steps: Plan) -> None:
    for argv in steps.commands:
        subprocess.run(argv, check=True)
    for path, text in steps.files.items():
        with open(path, "w") as f:
            f.write(text)
    for argv in steps.announce:
        subprocess.Popen(argv)


def main() -> None:
    try:
        apply(plan(load(COMPOSE), socket.gethostname(), carrier_addresses()))
    except TopologyError as e:
        sys.exit(str(e))


if __name__ == "__main__":
    main()
