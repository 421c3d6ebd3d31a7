"""Each host's lab addresses, routes, NAT, firewall and resolver, as compose.yaml declares them:
a shell script per host that `up` writes (certs/netsetup/HOST.sh, mounted on every host at
/etc/playground/netsetup/) and the host's entrypoint runs at every start, so a restarted host
heals by itself. Read one (`cat /etc/playground/netsetup/h1.sh` on h1): it is what made the host.

Docker attaches the container to carrier networks whose own addresses mean nothing to the lab
(its IPAM refuses the book's overlapping 192.168.1.0/24 LANs). For every interface declared in
the service's `x-lab` block, the script finds Docker's interface by its carrier subnet's route,
renames it after where it leads, replaces the carrier address by the lab addresses (IPv4, and
IPv6 where declared) and adds the lab routes.

plan() is a pure function of the topology (unit-tested on small topologies); script() writes
it out as sh. Worked out here once, not by a Python in each host: twelve of them reading
compose.yaml at once were the largest part of the start-up's CPU.
"""
from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path

from .topology import Topology

# getaddrinfo's order (RFC 6724, glibc's table) with IPv4 first: names resolve to both
# families, and programs that take the first address (most of the book's) keep using IPv4 as
# before; a program that asks for AF_INET6, or tries every address, gets IPv6 (chapter 4).
GAI_CONF = """\
# The playground prefers IPv4 (playground/netsetup.py); with 10 for 100 below, glibc's default.
precedence ::1/128       50
precedence ::/0          40
precedence 2002::/16     30
precedence ::/96         20
precedence ::ffff:0:0/96 100
"""


@dataclass
class Plan:
    facts: dict = field(default_factory=dict)       # variable -> value, for the start-up
    carriers: list = field(default_factory=list)    # (variable, carrier subnet, interface)
    commands: list = field(default_factory=list)    # argv lists, run in order
    announce: list = field(default_factory=list)    # argv lists, run in the background after
    files: dict = field(default_factory=dict)       # path -> contents


def plan(topo: Topology, me: str) -> Plan:
    """What makes host `me` a lab host. The interface Docker attached on each carrier is only
    known in the host: commands name it ${carrierN}, which the script looks up first."""
    host = topo[me]
    # For the start-up's own steps: the ports to wait for (wait-ports), the address on which
    # the daemons that take IPv4 and IPv6 apart listen for IPv6.
    out = Plan(facts={"LAB_PORTS": " ".join(str(p) for p in sorted(host.ports)),
                      "LAB_ADDRESS6": str(host.address6 or "")})
    for n, iface in enumerate(host.interfaces):
        out.carriers.append((f"carrier{n}", str(topo.carriers[iface.network]), iface.name))
        out.commands += _interface_commands(f"${{carrier{n}}}", iface)
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


def _interface_commands(current: str, iface) -> list:
    name = iface.name
    # Global addresses only: the IPv6 link-local one (neighbour discovery's) stays. Renamed
    # down (a no-op where Docker's name is already the lab's).
    commands = [["ip", "addr", "flush", "dev", current, "scope", "global"],
                ["ip", "link", "set", current, "down"],
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


# What every script starts with: finding Docker's interface on a carrier by its route.
PROLOGUE = """\
set -eu
carrier() {   # the interface on carrier network $1 (for the lab's interface $2)
    dev=$(ip -o -4 route show exact "$1" | cut -d' ' -f3)
    if [ -z "$dev" ]; then
        echo "netsetup: $(hostname) has no interface on carrier network $1 (for $2): is the" \\
             "service attached to that network?" >&2
        exit 1
    fi
    echo "$dev"
}
"""


def script(steps: Plan, me: str) -> str:
    """The plan as a POSIX shell script. One `ip` for all the interfaces and one for all the
    routes (batched, `ip` takes the family from the addresses); the routes tried again for
    half a second, as a peer's IPv6 route comes a moment after its address."""
    ip = [[a for a in argv[1:] if a != "-6"] for argv in steps.commands if argv[0] == "ip"]
    links = "\n".join(" ".join(argv) for argv in ip if argv[0] != "route")
    routes = "\n".join(" ".join(argv) for argv in ip if argv[0] == "route")
    lines = [f"#!/bin/sh\n# {me}'s lab addressing, written by ./scripts/up from compose.yaml "
             "(playground/netsetup.py);\n# its entrypoint runs it (sources it) at every start.",
             PROLOGUE]
    lines += [f"export {var}={shlex.quote(value)}" for var, value in steps.facts.items()]
    lines += [f"{var}=$(carrier {subnet} {name})" for var, subnet, name in steps.carriers]
    lines.append(f"ip -batch - <<EOF\n{links}\nEOF")
    if routes:
        lines.append(f"routes() {{\n    ip -batch - <<EOF\n{routes}\nEOF\n}}\n"
                     "for try in $(seq 50); do\n"
                     "    if routes 2>/dev/null; then break; fi\n"
                     "    if [ \"$try\" = 50 ]; then routes; fi   # its error, and the end\n"
                     "    sleep 0.01\ndone")
    lines += [shlex.join(argv) for argv in steps.commands if argv[0] != "ip"]
    lines += [f"cat > {path} <<'EOF'\n{text}EOF" for path, text in steps.files.items()]
    lines += [f"{shlex.join(argv)} &" for argv in steps.announce]
    return "\n".join(lines) + "\n"


def write_scripts(topo: Topology, folder: Path) -> None:
    """Every host's script into folder (mounted on every host at /etc/playground/netsetup)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in topo.names:
        path = folder / f"{name}.sh"
        text = script(plan(topo, name), name)
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
            path.chmod(0o644)
