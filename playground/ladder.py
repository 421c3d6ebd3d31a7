"""Ladder (message sequence) diagrams of a pcap: the hosts as columns, named from the topology,
one arrow per datagram, time down the side, what each one says (TCP flags, DNS question and
answer, TLS record types, the first line of HTTP, SMTP, IMAP, FTP) and an excerpt of its payload.

Saved as a self-contained SVG that any browser opens. The capture fixture writes one beside
each pcap it keeps; `playground ladder FILE.pcap` draws one for any capture.

Packets are read by playground.pcap and dissected with dpkt (dpkt.dns, dpkt.ssl), the library
the graders already use: see README.md, "Seeing what crossed the wire", for why not scapy.
A router capturing on every interface sees a forwarded datagram twice (in and out, the TTL one
less, the addresses rewritten when it does NAT): the copies make one arrow, from where the
datagram came from to where it went, with a note of the rewrite.
"""
from __future__ import annotations

import html
import socket
from dataclasses import dataclass
from pathlib import Path

import dpkt

from . import pcap
from .topology import Topology

MAX_ARROWS = 600          # a bigger capture is cut short, with a note saying so
FORWARD_WINDOW = 0.2      # s: a forwarded copy comes this soon after the original

PORTS = {20: "FTP-DATA", 21: "FTP", 22: "SSH", 23: "Telnet", 25: "SMTP", 53: "DNS",
         80: "HTTP", 110: "POP3", 143: "IMAP", 443: "TLS", 465: "SMTP", 587: "SMTP",
         993: "TLS", 995: "TLS", 11211: "memcached"}
DNS_TYPES = {1: "A", 2: "NS", 5: "CNAME", 6: "SOA", 12: "PTR", 15: "MX", 16: "TXT",
             28: "AAAA", 33: "SRV"}
DNS_RCODES = {1: "FORMERR", 2: "SERVFAIL", 3: "NXDOMAIN", 4: "NOTIMP", 5: "REFUSED"}
TLS_RECORDS = {20: "ChangeCipherSpec", 21: "Alert", 22: "Handshake", 23: "ApplicationData"}
ICMP_TYPES = {0: "echo reply", 3: "unreachable", 8: "echo request", 11: "time exceeded"}
ICMP6_TYPES = {1: "unreachable", 3: "time exceeded", 128: "echo request", 129: "echo reply",
               135: "neighbour solicitation", 136: "neighbour advertisement"}
COLOURS = {"TCP": "#666666", "DNS": "#1b7f3b", "TLS": "#7b3fa0", "HTTP": "#1f5fbf",
           "ICMP": "#c0392b", "UDP": "#137a7f"}
TEXT_COLOUR = "#b35900"   # SMTP, IMAP, FTP and other line-based protocols
# What dpkt raises on bytes that only look like DNS or TLS: the arrow says so, the diagram goes on.
MALFORMED = (dpkt.Error, dpkt.ssl.SSL3Exception, IndexError, ValueError)


@dataclass
class Arrow:
    time: float
    src: str                 # column names
    dst: str
    protocol: str            # TCP, DNS, TLS, HTTP, SMTP, ICMP, UDP, ...
    label: str               # what it says, e.g. "SA", "query A www.example.com"
    detail: str              # addresses, ports, sizes and any rewrite on the way
    excerpt: str = ""
    via: str | None = None   # the router it was seen crossing (a capture on all its links)
    note: str = ""           # what that router rewrote (NAT)


# --- columns: who an address is --------------------------------------------------------

def address_names(topo: Topology, seen_on: str | None = None) -> dict[str, str]:
    """{address: column name}: hosts by name; a NAT router's outside address as the hosts
    behind it ("h1, h2, h3 via modemA NAT"); an address several hosts share as the one the
    capture was taken on, else all of them."""
    owners: dict[str, list[str]] = {}
    for host in topo.hosts.values():
        for iface in host.interfaces:
            name = nat_name(topo, host.name) if iface.name == host.nat else host.name
            owners.setdefault(str(iface.ip), []).append(name)
            if iface.ip6:   # never translated: the host's own, wherever it is seen
                owners.setdefault(str(iface.ip6), []).append(host.name)
    for name, address in topo.zone.names.items():   # names of addresses no host has
        owners.setdefault(str(address), [name])
    return {address: seen_on if seen_on in names else " | ".join(dict.fromkeys(names))
            for address, names in owners.items()}


def nat_name(topo: Topology, router: str) -> str:
    inside = {i.network for i in topo[router].interfaces if i.name != topo[router].nat}
    behind = [h.name for h in topo.hosts.values() if h.name != router
              and inside & {i.network for i in h.interfaces}]
    return f"{', '.join(behind)} via {router} NAT"


def column_order(topo: Topology, names: set[str]) -> list[str]:
    """Left to right as compose.yaml lists the hosts (clients first), a NAT router's outside
    just after it, strangers last."""
    rank = {host: n for n, host in enumerate(topo.hosts)}

    def where(name: str):
        host = name.split(" via ")[-1].replace(" NAT", "").split(" | ")[0]
        return (rank.get(host, len(rank)), " via " in name, name)
    return sorted(names, key=where)


# --- arrows: what each datagram says ----------------------------------------------------

def forwarded_copies(packets: list[pcap.Packet]) -> list[list[pcap.Packet]]:
    """The packets grouped as datagrams: a copy with the same IP id, transport header and
    payload, a lower TTL, soon after, is the same datagram forwarded (perhaps NAT'd)."""
    groups: list[list[pcap.Packet]] = []
    latest: dict[tuple, list[pcap.Packet]] = {}
    for p in packets:
        key = (p.proto, p.ip_id, p.length, p.flags, p.seq, p.ack, p.icmp_type, p.payload)
        group = latest.get(key)
        if group and p.ttl < group[-1].ttl and p.time - group[-1].time < FORWARD_WINDOW:
            group.append(p)
        else:
            latest[key] = group = [p]
            groups.append(group)
    return groups


def arrows(packets: list[pcap.Packet], names: dict[str, str],
           router: str | None = None) -> list[Arrow]:
    """One arrow per datagram; one that `router` (where the capture was taken) forwarded
    goes through its column, with what it rewrote."""
    out = []
    for group in forwarded_copies(packets):
        first, last = group[0], group[-1]
        protocol, label = says(first)
        detail = f"{endpoint(first, 'src')} > {endpoint(first, 'dst')} {first.proto} " \
                 f"len={len(first.payload)} ttl={first.ttl}"
        arrow = Arrow(first.time, names.get(first.src, first.src),
                      names.get(last.dst, last.dst), protocol, label, detail,
                      excerpt(first.payload, protocol))
        if len(group) > 1:
            arrow.via = router or "the capturing router (--host)"
            arrow.note = rewrite(first, last)
            arrow.detail += f"; forwarded by {arrow.via} (ttl {first.ttl}->{last.ttl})" + \
                (f"; {arrow.note}" if arrow.note else "")
        out.append(arrow)
    return out


def endpoint(p: pcap.Packet, side: str) -> str:
    port = p.sport if side == "src" else p.dport
    address = p.src if side == "src" else p.dst
    return f"{address}:{port}" if port is not None else address


def rewrite(first: pcap.Packet, last: pcap.Packet) -> str:
    """"NAT src 192.168.1.11 -> 10.25.1.65", or "" when the router changed nothing (a port
    shows only when it changed too)."""
    notes = []
    for side in ("src", "dst"):
        before, after = endpoint(first, side), endpoint(last, side)
        if before != after:
            if before.split(":")[1:] == after.split(":")[1:]:   # the same port
                before, after = before.split(":")[0], after.split(":")[0]
            notes.append(f"NAT {side} {before} -> {after}")
    return "; ".join(notes)


def says(p: pcap.Packet) -> tuple[str, str]:
    """(protocol, what the packet says) for one packet."""
    if p.proto in ("icmp", "icmp6"):
        types = ICMP_TYPES if p.proto == "icmp" else ICMP6_TYPES
        return "ICMP", types.get(p.icmp_type, f"type {p.icmp_type}")
    if p.proto not in ("tcp", "udp"):
        return "IP", f"protocol {p.proto}" + (" (a fragment)" if p.payload else "")
    service = PORTS.get(p.dport) or PORTS.get(p.sport)
    flags = p.flags if p.proto == "tcp" else ""
    if not p.payload:   # a SYN names its ports: which connection the next arrows belong to
        ports = f" {p.sport} > {p.dport}" if "S" in flags else ""
        return ("TCP", flags + ports) if p.proto == "tcp" else ("UDP", "empty datagram")
    if service == "DNS" and p.proto == "udp":
        said = dns(p.payload)
    elif tls_like(p.payload):
        service, said = "TLS", tls(p.payload)
    elif text_like(p.payload):
        said = first_line(p.payload)
        service = service or ("HTTP" if said.startswith(("HTTP/1.", "GET ", "POST ", "HEAD "))
                              else p.proto.upper())
    else:
        said = f"{len(p.payload)} bytes"
    unusual = flags.replace("A", "").replace("P", "")   # SYN, FIN or RST riding with data
    return service or p.proto.upper(), f"{said} [{unusual}]" if unusual else said


def dns(payload: bytes) -> str:
    try:
        msg = dpkt.dns.DNS(payload)
        question = " ".join(f"{DNS_TYPES.get(q.type, q.type)} {q.name}" for q in msg.qd)
    except MALFORMED:
        return "malformed DNS message"
    if msg.qr == dpkt.dns.DNS_Q:
        return f"query {question}"
    if msg.rcode:
        return f"answer {DNS_RCODES.get(msg.rcode, msg.rcode)} for {question}"
    return f"answer {question}: " + (", ".join(map(rdata, msg.an)) or "no records")


def rdata(rr) -> str:
    kind = DNS_TYPES.get(rr.type, str(rr.type))
    if rr.type == dpkt.dns.DNS_A:
        return f"{kind} {socket.inet_ntoa(rr.ip)}"
    value = getattr(rr, {5: "cname", 15: "mxname", 2: "nsname", 12: "ptrname"}.get(rr.type, ""),
                    "")
    return f"{kind} {value}".strip()


def tls_like(payload: bytes) -> bool:
    return len(payload) >= 5 and payload[0] in TLS_RECORDS and payload[1] == 3 \
        and payload[2] <= 4


def tls(payload: bytes) -> str:
    """The record types in the segment, a handshake's message named (ClientHello, ...)."""
    try:
        records, _ = dpkt.ssl.tls_multi_factory(payload)
    except MALFORMED:
        records = []
    if not records:
        return f"{TLS_RECORDS.get(payload[0], 'TLS')} (part of a record)"
    names, encrypted = [], False
    for record in records:
        names.append(record_name(record, encrypted))
        encrypted = encrypted or record.type == 20   # what follows ChangeCipherSpec is
    return ", ".join(names)


def record_name(record, encrypted: bool) -> str:
    """A handshake record by its message, when it is one in clear (its length adds up)."""
    data = record.data
    if record.type != 22:
        return TLS_RECORDS.get(record.type, f"record {record.type}")
    clear = not encrypted and len(data) >= 4 and int.from_bytes(data[1:4], "big") <= len(data) - 4
    kind = dpkt.ssl.HANDSHAKE_TYPES.get(data[0], (None,))[0] if clear else None
    return kind or "Handshake (encrypted)"


def text_like(payload: bytes) -> bool:
    head = payload[:200]
    return sum(32 <= b < 127 or b in (9, 10, 13) for b in head) >= 0.95 * len(head)


def first_line(payload: bytes) -> str:
    return payload.split(b"\n", 1)[0].rstrip(b"\r").decode("latin-1")


def excerpt(payload: bytes, protocol: str, size: int = 72) -> str:
    if not payload:
        return ""
    if protocol == "TLS" or not text_like(payload):
        return payload[:24].hex(" ") + (" ..." if len(payload) > 24 else "")
    text = payload[:size].decode("latin-1").replace("\r\n", "\u21b5").replace("\n", "\u21b5")
    return text + (" ..." if len(payload) > size else "")


# --- drawing ------------------------------------------------------------------------------

COLUMN, ROW, TOP, LEFT = 200, 40, 78, 96


def svg(items: list[Arrow], columns: list[str], title: str, addresses: dict[str, set]) -> str:
    """The ladder as a standalone SVG document."""
    shown, rest = items[:MAX_ARROWS], len(items) - MAX_ARROWS
    width = LEFT + COLUMN * max(len(columns), 1) + 20
    height = TOP + ROW * len(shown) + 60
    x = {name: LEFT + COLUMN * n + COLUMN // 2 for n, name in enumerate(columns)}
    start = items[0].time if items else 0.0
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
             "<defs>" + "".join(_marker(c) for c in {*COLOURS.values(), TEXT_COLOUR}) + "</defs>",
             '<rect width="100%" height="100%" fill="white"/>',
             f'<text x="8" y="18" font-size="14" font-weight="bold">{_e(title)}</text>',
             f'<text x="8" y="{TOP - 8}" fill="#444">time (s)</text>']
    for name in columns:
        parts.append(f'<g class="column"><text x="{x[name]}" y="40" text-anchor="middle" '
                     f'font-weight="bold">{_e(name)}</text>'
                     f'<text x="{x[name]}" y="54" text-anchor="middle" fill="#555">'
                     f'{_e(", ".join(sorted(addresses.get(name, ()))))}</text>'
                     f'<line x1="{x[name]}" y1="{TOP - 14}" x2="{x[name]}" y2="{height - 40}" '
                     'stroke="#bbb" stroke-dasharray="4 3"/></g>')
    for n, item in enumerate(shown):
        parts.append(_arrow(item, TOP + ROW * n + 16, x, start))
    if rest > 0:
        parts.append(f'<text x="8" y="{height - 16}" fill="#c0392b">... and {rest} more '
                     'packets, not drawn: open the pcap in Wireshark</text>')
    elif not items:
        parts.append(f'<text x="8" y="{TOP + 16}">no IP packets (IPv4 or IPv6) in this capture</text>')
    return "\n".join(parts + ["</svg>"]) + "\n"


def _arrow(item: Arrow, y: int, x: dict, start: float) -> str:
    colour = COLOURS.get(item.protocol, TEXT_COLOUR)
    x1, x2 = x[item.src], x[item.dst]
    mid = (x1 + x2) // 2
    span = max(abs(x2 - x1), COLUMN * 8 // 5) * 4 // 21   # characters that fit over it
    label = _cut(f"{item.protocol} {item.label}".strip(), span)
    below = f"[{item.note}] {item.excerpt}" if item.note else item.excerpt
    if item.via in x and x1 != x2:   # forwarded: in to the router, out from it
        xv = x[item.via]
        line = (f'<line x1="{x1}" y1="{y}" x2="{xv}" y2="{y}" stroke="{colour}" '
                f'stroke-width="1.4"/><circle cx="{xv}" cy="{y}" r="3" fill="{colour}"/>'
                f'<line x1="{xv}" y1="{y}" x2="{x2 - (5 if x2 > xv else -5)}" y2="{y}" '
                f'stroke="{colour}" stroke-width="1.4" marker-end="url(#a{colour[1:]})"/>')
        anchor = "middle"
    elif x1 == x2:   # to itself (loopback): a loop on its own line
        line = (f'<path d="M{x1} {y - 6} h30 v12 h-26" fill="none" stroke="{colour}" '
                f'marker-end="url(#a{colour[1:]})"/>')
        mid = x1 + 36
        anchor = "start"
    else:
        step = 5 if x2 > x1 else -5
        line = (f'<line x1="{x1}" y1="{y}" x2="{x2 - step}" y2="{y}" stroke="{colour}" '
                f'stroke-width="1.4" marker-end="url(#a{colour[1:]})"/>')
        anchor = "middle"
    return (f'<g class="arrow"><title>{_e(item.detail)}\n{_e(item.label)}\n'
            f'{_e(item.excerpt)}</title>'
            f'<text x="8" y="{y + 4}" fill="#444">+{item.time - start:.6f}</text>{line}'
            f'<text x="{mid}" y="{y - 4}" text-anchor="{anchor}" fill="{colour}">{_e(label)}'
            f'</text><text x="{mid}" y="{y + 13}" text-anchor="{anchor}" fill="#777" '
            f'font-family="monospace" font-size="9">{_e(_cut(below, span + 8))}</text>'
            "</g>")


def _marker(colour: str) -> str:
    return (f'<marker id="a{colour[1:]}" viewBox="0 0 10 10" refX="9" refY="5" '
            f'markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10z" '
            f'fill="{colour}"/></marker>')


def _cut(text: str, size: int) -> str:
    return text if len(text) <= size else text[:size - 3] + "..."


def _e(text: str) -> str:
    return html.escape(text, quote=True)


# --- the whole job ------------------------------------------------------------------------

def draw(path: Path, topo: Topology, host: str | None = None,
         packets: list[pcap.Packet] | None = None) -> str:
    """The SVG ladder of the pcap at path, captured on host (guessed from a file name
    like isp-any-1.pcap when not given); packets: the file's, when already read."""
    path = Path(path)
    host = host or next((h for h in topo.hosts if path.stem.startswith(f"{h}-")), None)
    names = address_names(topo, host)
    packets = pcap.read(path) if packets is None else packets
    items = arrows(packets, names, host)
    addresses: dict[str, set] = {}
    for p in packets:
        for address in (p.src, p.dst):
            addresses.setdefault(names.get(address, address), set()).add(address)
    columns = column_order(topo, {name for a in items for name in (a.src, a.dst, a.via)
                                  if name})
    where = f" (captured on {host})" if host else ""
    return svg(items, columns, f"{path.name}{where}: {len(packets)} packets", addresses)


def write(path: Path, topo: Topology, out: Path | None = None, host: str | None = None,
          packets: list[pcap.Packet] | None = None) -> Path:
    """Draw the pcap's ladder into out (default: beside it); returns where."""
    out = Path(out) if out else beside(path)
    out.write_text(draw(path, topo, host, packets))
    return out


def beside(path: Path) -> Path:
    """Where a pcap's ladder diagram goes unless told: next to it, FILE.svg."""
    return Path(path).with_suffix(".svg")
