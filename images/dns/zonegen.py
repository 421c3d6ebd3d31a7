"""Write BIND zone files for the lab from compose.yaml.

A, AAAA and PTR records (in-addr.arpa and ip6.arpa) come from every host's lab addresses; names outside example.com live in the
lab's own root zone, so `h1` and `isp` resolve as bare names and an unknown name anywhere gets
NXDOMAIN. Everything else (MX, CNAME, TXT, extra names) is the `zone` block of compose.yaml's
`x-playground`, read (and checked) by playground/topology.py, mounted beside this file.
"""
import os
import sys

from playground.topology import TopologyError, load

COMPOSE = "/etc/playground/compose.yaml"
TTL = 300


def host_names(topo):
    """(fully qualified name, address) for every lab address of every host, both families."""
    for host in topo.hosts.values():
        for iface in host.interfaces:
            yield host.fqdn + ".", iface.ip
            if iface.ip6:
                yield host.fqdn + ".", iface.ip6


def reverse_names(pairs):
    """One PTR target per address; an address several hosts share must be declared by name."""
    owners = {}
    for name, addr in pairs:
        owners.setdefault(addr, set()).add(name)
    for addr, names in owners.items():
        if len(names) > 1:
            sys.exit(f"zonegen: {addr} belongs to {sorted(names)}; name it in x-playground.zone.names")
        yield addr, names.pop()


def zone_of(name, zones):
    """The most specific zone that contains name (a name with a trailing dot)."""
    return max((z for z in zones if z == "." or name.endswith("." + z) or name == z), key=len)


def soa(zone, ns):
    return [f"$TTL {TTL}",
            f"{zone} IN SOA {ns} hostmaster.example.com. 1 3600 600 86400 {TTL}",
            f"{zone} IN NS {ns}"]


def build(topo):
    ns = topo.dns_server.fqdn + "."
    zones = {z: soa(z, ns) for z in ["."] + [z + "." for z in topo.zone.zones]}
    declared = {a: n + "." for n, a in topo.zone.names.items()}
    # A shared address is known by its declared name only (modemA is 10.25.1.65 to the world).
    pairs = sorted({(n, a) for n, a in host_names(topo) if a not in declared},
                   key=lambda pair: (pair[0], pair[1].version, pair[1]))
    pairs += [(n, a) for a, n in declared.items()]
    for name, addr in pairs:
        rtype = "A" if addr.version == 4 else "AAAA"
        zones[zone_of(name, zones)].append(f"{name} IN {rtype} {addr}")
    for addr, name in reverse_names(pairs):
        rname = addr.reverse_pointer + "."
        zones[zone_of(rname, zones)].append(f"{rname} IN PTR {name}")
    for line in topo.zone.records:
        name = line.split()[0]
        zones[zone_of(name, zones)].append(line)
    for zone in zones:
        if zone != ".":
            zones["."].append(f"{zone} IN NS {ns}")  # delegations, so dig +trace works
    return zones


def write(zones, folder):
    conf = []
    for zone, lines in zones.items():
        path = os.path.join(folder, (zone.rstrip(".") or "root") + ".zone")
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        conf.append(f'zone "{zone}" {{ type primary; file "{path}"; }};')
    with open(os.path.join(folder, "zones.conf"), "w") as f:
        f.write("\n".join(conf) + "\n")


if __name__ == "__main__":
    try:
        write(build(load(COMPOSE)), sys.argv[1])
    except TopologyError as e:
        sys.exit(str(e))
