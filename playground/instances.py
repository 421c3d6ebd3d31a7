"""Named playgrounds beside the default one, on the same engine: PLAYGROUND=NAME.

compose.yaml stays the one source. A named instance runs a copy of it made here, kept in
.instances/NAME/ (never committed) with the instance's certificates:
- compose project playground-NAME, containers NAME-h1, NAME-www, ... (hosts keep their
  host names: inside, h1 is still h1);
- the seven carrier networks moved as one block to a free block of CARRIER_POOL, chosen
  against the engine's networks and the other instances' blocks, and kept (block.txt) so
  it stays the same from one `up` to the next;
- its own compose file mounted as /etc/playground/compose.yaml (the DNS reads it there), its
  own certs folder, so each instance has its own CA, and its hosts' addressing scripts made
  from its compose file (certs/netsetup).
The lab addresses (192.168.1.x, 10.x) are the same in every instance: they live on separate
bridges, so nothing one instance sends can reach another.
"""
from __future__ import annotations

import copy
import fcntl
import ipaddress
from pathlib import Path

import yaml

from .engine import PlaygroundError, networks
from .project import COMPOSE_FILE, INSTANCE, INSTANCES, ROOT
from .topology import Topology, load

# Where named instances' carriers go: beside the default's 172.31.250.0/25, inside Docker's
# own default pools but in their last /20, which Docker hands out last.
CARRIER_POOL = ipaddress.ip_network("172.31.240.0/20")
# libyaml's writer where PyYAML has it: this runs at every `up` of the instance.
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# What each instance has its own of: its compose file, certificates and hosts' addressing.
MOUNTS = ("compose.yaml", "certs/shared", "certs/hosts/", "certs/netsetup")


def span(topo: Topology) -> ipaddress.IPv4Network:
    """The smallest block holding all the carrier subnets of compose.yaml."""
    nets = list(topo.carriers.values())
    first = min(int(n.network_address) for n in nets)
    last = max(int(n.broadcast_address) for n in nets)
    prefix = 32 - (last - first).bit_length()
    while True:   # (one bit shorter while an unaligned first address leaves last outside)
        block = ipaddress.ip_network(f"{ipaddress.ip_address(first)}/{prefix}", strict=False)
        if int(block.broadcast_address) >= last:
            return block
        prefix -= 1


def taken(name: str) -> list[ipaddress.IPv4Network]:
    """The subnets in use on the engine, and the blocks other instances keep (up or not)."""
    used = [ipaddress.ip_network(s, strict=False)
            for _, _, subnets in networks() for s in subnets.split()]
    used += [ipaddress.ip_network(p.read_text().strip())
             for p in INSTANCES.glob("*/block.txt") if p.parent.name != name]
    return [u for u in used if u.version == 4]


def allocate(name: str, size: int, used: list) -> ipaddress.IPv4Network:
    """The instance's block of that prefix length: the one it kept, else the first free one."""
    kept = INSTANCES / name / "block.txt"
    if kept.exists():
        return ipaddress.ip_network(kept.read_text().strip())
    for block in CARRIER_POOL.subnets(new_prefix=size):
        if not any(block.overlaps(u) for u in used):
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_text(f"{block}\n")
            return block
    raise PlaygroundError(f"no free block for instance {name}'s networks in {CARRIER_POOL}: "
                          f"remove an instance you no longer need (PLAYGROUND=OTHER "
                          "./scripts/down --forget)")


def made(source: Topology, name: str, block: ipaddress.IPv4Network) -> dict:
    """The instance's compose file, as a dictionary: compose.yaml with its own project name,
    container names, carrier subnets and mounts."""
    compose = copy.deepcopy(source.compose)
    compose["name"] = f"{compose['name']}-{name}"
    shift = int(block.network_address) - int(span(source).network_address)
    for net, subnet in source.carriers.items():
        moved = f"{subnet.network_address + shift}/{subnet.prefixlen}"
        compose["networks"][net]["ipam"]["config"][0]["subnet"] = moved
    home = INSTANCES / name
    for host in source.names:
        svc = compose["services"][host]
        svc["container_name"] = f"{name}-{host}"
        svc["volumes"] = [_own(v, home) for v in svc.get("volumes", [])]
    return compose


def _own(volume: str, home: Path) -> str:
    """A mount of the checkout's compose.yaml or certificates, made the instance's own."""
    for mine in MOUNTS:
        if volume.startswith(f"./{mine}"):
            return f"{home}/{volume[2:]}"
    return volume


def prepare(name: str = INSTANCE) -> Topology:
    """Write the instance's compose file from compose.yaml (again at every `up`: compose.yaml
    may have changed) and return its topology."""
    source = load(COMPOSE_FILE)
    INSTANCES.mkdir(exist_ok=True)
    # Two instances starting at once: one block each.
    with open(INSTANCES / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        # Never the default playground's own block, even while it is down.
        block = allocate(name, span(source).prefixlen, taken(name) + [span(source)])
    compose = made(source, name, block)
    path = INSTANCES / name / "compose.yaml"
    path.write_text(f"# Made from compose.yaml for instance {name} by playground/instances.py:"
                    " do not edit.\n" + yaml.dump(compose, Dumper=SAFE_DUMPER, sort_keys=False))
    return Topology(compose, str(path.relative_to(ROOT)))
