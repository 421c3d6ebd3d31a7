"""The playground as compose.yaml declares it: hosts, roles, lab interfaces, links and the zone.

The one reader of compose.yaml's `x-playground` block (the whole lab: DNS, zone) and of each
service's `x-lab` block (one host: interfaces, routes, NAT, ports, TLS). It validates as it
reads, so a typo gives one line naming the service and the key. The hosts use this same file
(mounted read-only): images/dns/zonegen.py and the www app import it, so it needs
nothing beyond the standard library and PyYAML.
"""
from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# libyaml's parser where PyYAML has it (every `up` reads compose.yaml, and so do backbone and
# www as they start): the same safe subset of YAML, about ten times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

HOST_KEYS = {"role", "interfaces", "routes", "routes6", "nat", "firewall", "ports", "tls"}
INTERFACE_KEYS = {"net", "address", "peer", "address6", "peer6"}
# IPv6 addresses are unique local ones (RFC 4193): the lab stays private in both families.
ULA = ipaddress.IPv6Network("fd00::/8")   # RFC 4193's locally assigned half, as the README says
LAB_KEYS = {"dns", "search", "zone"}
ZONE_KEYS = {"zones", "names", "records"}


class TopologyError(ValueError):
    """compose.yaml says something the playground cannot build; the message is one line."""


@dataclass(frozen=True)
class Interface:
    name: str                     # the name inside the host, after where it leads
    network: str                  # the compose network that carries it
    address: ipaddress.IPv4Interface
    peer: ipaddress.IPv4Address | None = None   # the far end of a point-to-point link
    address6: ipaddress.IPv6Interface | None = None   # its IPv6 address (dual stack)
    peer6: ipaddress.IPv6Address | None = None

    @property
    def ip(self) -> ipaddress.IPv4Address:
        return self.address.ip

    @property
    def ip6(self) -> ipaddress.IPv6Address | None:
        return self.address6.ip if self.address6 else None


@dataclass(frozen=True)
class Host:
    name: str
    role: str
    fqdn: str
    forwards: bool
    interfaces: tuple[Interface, ...]
    routes: dict = field(default_factory=dict, hash=False)  # destination -> IPv4Address
    ports: dict = field(default_factory=dict, hash=False)   # port -> service, besides sshd
    nat: str | None = None        # the interface masqueraded behind, on a NAT router
    routes6: dict = field(default_factory=dict, hash=False)  # destination -> IPv6Address
    firewall: str | None = None   # IPv6 is not translated: only replies come in through it
    tls: bool = False             # gets a server certificate under certs/hosts/NAME
    limits: Limits | None = None  # None: unlimited (small test labs only)

    @property
    def address(self) -> ipaddress.IPv4Address:
        """The host's main lab address: its first interface's."""
        return self.interfaces[0].ip

    @property
    def address6(self) -> ipaddress.IPv6Address | None:
        """The host's main IPv6 lab address: its first interface's."""
        return self.interfaces[0].ip6

    @property
    def hostname(self) -> str:
        return self.fqdn.split(".")[0]

    def interface(self, name: str) -> Interface:
        return next(i for i in self.interfaces if i.name == name)


@dataclass(frozen=True)
class Limits:
    """What a runaway program in the host runs into (compose's pids_limit, mem_limit, cpus)."""
    pids: int                     # processes and threads
    memory: int                   # bytes; past it the kernel kills the biggest program
    cpus: float                   # cores

    @property
    def mib(self) -> int:
        return self.memory // 2**20


@dataclass(frozen=True)
class Zone:
    zones: tuple[str, ...]        # the zones served besides the root, e.g. example.com
    names: dict                   # extra name -> address (an address several hosts share)
    records: tuple[str, ...]      # extra records in zone-file syntax (MX, CNAME, TXT, ...)


class Topology:
    """The checkout's compose.yaml, checked (a named instance's, once made from it); or a
    compose dictionary (tests' small fixtures)."""

    def __init__(self, compose: dict | None = None, source: str = "compose.yaml"):
        if compose is None:
            from .project import COMPOSE_FILE, RUN_FILE   # host side only: hosts call load()
            compose, source = read(RUN_FILE if RUN_FILE.exists() else COMPOSE_FILE)
        self.compose = compose
        self.source = source
        self.carriers = {name: _carrier(self._where(f"network {name}"), net)
                         for name, net in _mapping(compose, "networks", source).items()}
        self.hosts = {name: _host(self._where(f"service {name}"), name, svc, self.carriers)
                      for name, svc in _mapping(compose, "services", source).items()
                      if "x-lab" in svc}
        lab = _block(self._where(), compose.get("x-playground"), "x-playground", LAB_KEYS)
        self.dns_name = _need(self._where(), lab, "dns", "x-playground")
        if self.dns_name not in self.hosts:
            raise TopologyError(f"{source}: x-playground.dns: {self.dns_name!r} is not a host")
        self.search = _need(self._where(), lab, "search", "x-playground")
        zone = _block(self._where(), lab.get("zone", {}), "x-playground.zone", ZONE_KEYS)
        self.zone = Zone(tuple(zone.get("zones", [])),
                         {n: _ip(self._where(), a, f"x-playground.zone.names.{n}")
                          for n, a in zone.get("names", {}).items()},
                         tuple(zone.get("records", [])))

    def _where(self, what: str = "") -> str:
        return f"{self.source}: {what}: " if what else f"{self.source}: "

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
        return self[self.dns_name]

    def images(self) -> set[str]:
        return {svc["image"] for svc in self.compose["services"].values() if "image" in svc}

    def aliases(self, host: Host) -> list[str]:
        """Other names of the host in the zone: CNAMEs to it and extra A records of its address."""
        names = []
        for record in self.zone.records:
            owner, _, rtype, *data = record.split()
            target = data[-1].rstrip(".") if data else ""
            if (rtype, target) in (("CNAME", host.fqdn), ("A", str(host.address))):
                names.append(owner.rstrip("."))
        return names


def load(path: Path | str) -> Topology:
    """Read and check a compose file."""
    return Topology(*read(path))


def read(path: Path | str) -> tuple[dict, str]:
    """The compose file's contents and its name for messages; TopologyError if unreadable."""
    try:
        with open(path) as f:
            compose = yaml.load(f, Loader=SAFE_LOADER)
    except FileNotFoundError:
        raise TopologyError(f"{path} not found: run this in the playground's folder "
                            "(or set PLAYGROUND_ROOT)") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise TopologyError(f"{Path(path).name}:{line}: not valid YAML: "
                            f"{getattr(e, 'problem', e)}") from None
    if not isinstance(compose, dict):
        raise TopologyError(f"{Path(path).name}: not a compose file")
    return compose, Path(path).name


def _mapping(compose: dict, key: str, source: str) -> dict:
    value = compose.get(key)
    if not isinstance(value, dict) or not value:
        raise TopologyError(f"{source}: no '{key}'")
    return value


def _block(where: str, value, name: str, allowed: set[str]) -> dict:
    if not isinstance(value, dict):
        raise TopologyError(f"{where}{name}: expected a mapping of {', '.join(sorted(allowed))}")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise TopologyError(f"{where}{name}: unknown key {unknown[0]!r} "
                            f"(known: {', '.join(sorted(allowed))})")
    return value


def _need(where: str, block: dict, key: str, name: str):
    if block.get(key) in (None, "", {}):
        raise TopologyError(f"{where}{name}: no '{key}'")
    return block[key]


def _ip(where: str, text, name: str, version: int = 4):
    kind = ipaddress.IPv6Address if version == 6 else ipaddress.IPv4Address
    try:
        return kind(str(text))
    except ValueError:
        raise TopologyError(f"{where}{name}: {text!r} is not an IPv{version} address") from None


def _carrier(where: str, net) -> ipaddress.IPv4Network:
    try:
        return ipaddress.ip_network(net["ipam"]["config"][0]["subnet"])
    except (KeyError, IndexError, TypeError, ValueError):
        raise TopologyError(f"{where}no valid ipam.config[0].subnet") from None


def _host(where: str, name: str, svc: dict, carriers: dict) -> Host:
    lab = _block(where, svc["x-lab"], "x-lab", HOST_KEYS)
    if not svc.get("hostname"):
        raise TopologyError(f"{where}no 'hostname'")
    interfaces = tuple(_interface(where, ifname, spec, carriers, svc.get("networks", []))
                       for ifname, spec in _need(where, lab, "interfaces", "x-lab").items())
    routes, routes6 = _routes(where, lab, 4), _routes(where, lab, 6)
    for key in ("nat", "firewall"):
        if lab.get(key) is not None and lab[key] not in {i.name for i in interfaces}:
            raise TopologyError(f"{where}x-lab.{key}: {lab[key]!r} is not one of its interfaces")
    fqdn = ".".join(filter(None, [svc["hostname"], svc.get("domainname")]))
    forwards = str(svc.get("sysctls", {}).get("net.ipv4.ip_forward")) == "1"
    tls = lab.get("tls", False)
    if tls not in (True, False):
        raise TopologyError(f"{where}x-lab.tls: expected true or false")
    # (A named instance mounts its own certs folder: see playground/instances.py.)
    if tls and not any(str(v).split(":")[0].endswith(f"certs/hosts/{name}")
                       for v in svc.get("volumes", [])):
        raise TopologyError(f"{where}x-lab.tls is true but ./certs/hosts/{name} is not mounted")
    return Host(name, _need(where, lab, "role", "x-lab"), fqdn, forwards, interfaces, routes,
                _ports(where, lab.get("ports") or {}), lab.get("nat"), routes6,
                lab.get("firewall"), tls, _limits(where, svc))


LIMIT_KEYS = ("pids_limit", "mem_limit", "cpus")
SIZE = re.compile(r"(\d+(?:\.\d+)?)([kmg]?)b?", re.IGNORECASE)   # compose's 512m, 1g, 1gb
UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}


def _limits(where: str, svc: dict) -> Limits | None:
    """The host's limits: all three, or none at all."""
    given = [k for k in LIMIT_KEYS if k in svc]
    if not given:
        return None
    missing = [k for k in LIMIT_KEYS if k not in svc]
    if missing:
        raise TopologyError(f"{where}no '{missing[0]}' (a limited host needs all of "
                            f"{', '.join(LIMIT_KEYS)})")
    pids, memory, cpus = (svc[k] for k in LIMIT_KEYS)
    if isinstance(pids, bool) or not isinstance(pids, int) or pids < 1:
        raise TopologyError(f"{where}pids_limit: {pids!r} is not a positive whole number")
    size = SIZE.fullmatch(str(memory).strip())
    if not size or float(size[1]) <= 0:
        raise TopologyError(f"{where}mem_limit: {memory!r} is not a size like 512m or 1g")
    if isinstance(cpus, bool) or not isinstance(cpus, (int, float)) or cpus <= 0:
        raise TopologyError(f"{where}cpus: {cpus!r} is not a positive number of cores")
    return Limits(pids, int(float(size[1]) * UNITS[size[2].lower()]), float(cpus))


def _interface(where: str, ifname: str, spec, carriers: dict, joined) -> Interface:
    key = f"x-lab.interfaces.{ifname}"
    spec = _block(where, spec, key, INTERFACE_KEYS)
    net = _need(where, spec, "net", key)
    if net not in carriers:
        raise TopologyError(f"{where}{key}.net: no network named {net!r}")
    if net not in joined:
        raise TopologyError(f"{where}{key}.net: the service does not join {net!r}")
    address = str(_need(where, spec, "address", key))
    peer = _ip(where, spec["peer"], f"{key}.peer") if "peer" in spec else None
    try:
        iface = ipaddress.IPv4Interface(address if "/" in address else address + "/32")
    except ValueError:
        raise TopologyError(f"{where}{key}.address: {address!r} is not an IPv4 address") \
            from None
    if peer is None and iface.network.prefixlen == 32:
        raise TopologyError(f"{where}{key}: a /32 address needs a 'peer' (or give a prefix)")
    return Interface(ifname, net, iface, peer, *_address6(where, key, spec))


def _address6(where: str, key: str, spec: dict) -> tuple:
    """The interface's IPv6 address and peer, (None, None) on an IPv4-only interface."""
    if "address6" not in spec:
        if "peer6" in spec:
            raise TopologyError(f"{where}{key}: a 'peer6' needs an 'address6'")
        return None, None
    text = str(spec["address6"])
    try:
        iface = ipaddress.IPv6Interface(text if "/" in text else text + "/128")
    except ValueError:
        raise TopologyError(f"{where}{key}.address6: {text!r} is not an IPv6 address") from None
    if iface.ip not in ULA:
        raise TopologyError(f"{where}{key}.address6: {text!r} is not a unique local address "
                            f"({ULA})")
    peer = _ip(where, spec["peer6"], f"{key}.peer6", 6) if "peer6" in spec else None
    if peer is None and iface.network.prefixlen == 128:
        raise TopologyError(f"{where}{key}: a /128 address6 needs a 'peer6' (or give a prefix)")
    return iface, peer


def _routes(where: str, lab: dict, version: int) -> dict:
    """x-lab.routes (IPv4) or x-lab.routes6: destination ('default' or a network) -> via."""
    key = "routes6" if version == 6 else "routes"
    routes = {dest: _ip(where, via, f"x-lab.{key}.{dest}", version)
              for dest, via in (lab.get(key) or {}).items()}
    for dest in routes:
        if dest != "default":
            _network(where, dest, f"x-lab.{key}: {dest!r}", version)
    return routes


def _network(where: str, text: str, name: str, version: int = 4):
    kind = ipaddress.IPv6Network if version == 6 else ipaddress.IPv4Network
    try:
        return kind(text)
    except ValueError:
        raise TopologyError(f"{where}{name} is not 'default' or an IPv{version} network") \
            from None


def _ports(where: str, ports: dict) -> dict:
    found = {}
    for port, what in ports.items():
        if not str(port).isdigit() or not 0 < int(port) < 65536:
            raise TopologyError(f"{where}x-lab.ports: {port!r} is not a port number")
        found[int(port)] = what
    return found
