"""A Mermaid picture of the topology and the table of the hosts' limits, drawn from
compose.yaml (never by hand)."""
from __future__ import annotations

from .topology import Topology


def mermaid(topo: Topology) -> str:
    lines = ["flowchart LR"]
    for host in topo.hosts.values():
        lines.append(f'  {host.name}["{host.name}<br/>{host.role}"]')
    for network in topo.carriers:
        members = topo.on_network(network)
        if members[0][1].peer:   # a point-to-point link: one edge, both ends' addresses
            (a, ia), (b, ib) = members
            lines.append(f"  {a.name} ---|{ia.name} {ia.ip} - {ib.ip} {ib.name}| {b.name}")
            continue
        subnet = members[0][1].address.network
        lines.append(f'  {network}(("{network}<br/>{subnet}"))')
        for host, iface in members:
            lines.append(f"  {host.name} ---|{iface.name} .{str(iface.ip).split('.')[-1]}| "
                         f"{network}")
    return "\n".join(lines)


def limits_table(topo: Topology) -> str:
    """A Markdown table of each host's limits; hosts with the same limits share a row."""
    rows: dict = {}
    for host in topo.hosts.values():
        lim = host.limits
        key = (lim.pids, f"{lim.mib} MiB", f"{lim.cpus:g}") if lim else ("-", "-", "-")
        rows.setdefault(key, []).append(host.name)
    lines = ["| hosts | processes and threads | memory (no swap) | CPU cores |",
             "|---|---|---|---|"]
    lines += [f"| {', '.join(names)} | {pids} | {mem} | {cpus} |"
              for (pids, mem, cpus), names in rows.items()]
    return "\n".join(lines)
