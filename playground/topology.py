"""The playground as compose.yaml declares it: hosts, their roles, lab interfaces and links."""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path

import yaml



@dataclass(frozen=True)
class Interface:
    name: str                     # the name inside the host, after where it leads
    network: str                  # the compose network that carries it
    address: ipaddress.IPv4Interface
    peer: ipaddress.IPv4Address | None = None   # the far end of a point-to-point link

    @property
    def ip(self) -> ipaddress.IPv4Address:
        return self.address.ip


@dataclass(frozen=True)
class Host:
    name: str
    role: str
    fqdn: str
    forwards: bool
    interfaces: tuple[Interface, ...]
    routes: dict = field(default_factory=dict, hash=False)
    ports: dict = field(default_factory=dict, hash=False)   # port -> service, besides sshd

    @property
    def address(self) -> ipaddress.IPv4Address:
        """The host's main lab address: its first interface's."""
        return self.interfaces[0].ip

    def interface(self, name: str) -> Interface:
        return next(i for i in self.interfaces if i.name == name)


class Topology:
    def __init__(self, path: Path | None = None):
        if path is None:
            from .project import COMPOSE_FILE as path
        with open(path) as f:
            self.compose = yaml.safe_load(f)
        self.carriers = {
            name: ipaddress.ip_network(net["ipam"]["config"][0]["subnet"])
            for name, net in self.compose["networks"].items()
        }
        self.hosts = {name: _host(name, svc) for name, svc in self.compose["services"].items()
                      if "x-lab" in svc}

    @property
    def names(self) -> list[str]:
        return list(self.hosts)

    def __getitem__(self, name: str) -> Host:
        return self.hosts[name]

    def on_network(self, network: str) -> list[tuple[Host, Interface]]:
        return [(h, i) for h in self.hosts.values() for i in h.interfaces if i.network == network]

    def neighbours(self, host: str) -> list[str]:
        nets = {i.network for i in self[host].interfaces}
        return [h.name for h in self.hosts.values()
                if h.name != host and nets & {i.network for i in h.interfaces}]

    def facing(self, host: str, neighbour: str) -> Interface:
        """The interface of `host` on the link it shares with `neighbour`."""
        theirs = {i.network for i in self[neighbour].interfaces}
        for iface in self[host].interfaces:
            if iface.network in theirs:
                return iface
        raise KeyError(f"{host} has no link to {neighbour}")

    @property
    def dns_server(self) -> Host:
        return self[self.compose["x-lab"]["dns"]]


def _host(name: str, svc: dict) -> Host:
    lab = svc["x-lab"]
    interfaces = tuple(
        Interface(ifname, spec["net"],
                  ipaddress.ip_interface(spec["address"] if "/" in spec["address"]
                                         else spec["address"] + "/32"),
                  ipaddress.ip_address(spec["peer"]) if "peer" in spec else None)
        for ifname, spec in lab["interfaces"].items())
    fqdn = ".".join(filter(None, [svc["hostname"], svc.get("domainname")]))
    forwards = str(svc.get("sysctls", {}).get("net.ipv4.ip_forward")) == "1"
    ports = {int(port): what for port, what in lab.get("ports", {}).items()}
    return Host(name, lab["role"], fqdn, forwards, interfaces, dict(lab.get("routes", {})), ports)
