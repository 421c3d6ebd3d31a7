"""Reading a pcap file into plain Packet records (IPv4 or IPv6, over Ethernet or Linux cooked
capture)."""
from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path

import dpkt

_TCP_FLAGS = [(dpkt.tcp.TH_SYN, "S"), (dpkt.tcp.TH_ACK, "A"), (dpkt.tcp.TH_FIN, "F"),
              (dpkt.tcp.TH_RST, "R"), (dpkt.tcp.TH_PUSH, "P")]


@dataclass
class Packet:
    time: float
    src: str
    dst: str
    proto: str               # "tcp", "udp", "icmp", "icmp6" or the IP protocol number as text
    ttl: int                 # IPv6: the hop limit
    ip_id: int               # IPv6: 0 (no identification field)
    df: bool                 # IPv6: True (routers never fragment it)
    length: int              # the IP datagram's total length
    version: int = 4
    eth_dst: str | None = None   # None on a cooked ("any") capture
    sport: int | None = None
    dport: int | None = None
    flags: str = ""          # TCP flags in the order S, A, F, R, P: "S", "SA", "FA", "R", "PA"
    seq: int | None = None
    ack: int | None = None
    window: int | None = None
    icmp_type: int | None = None
    payload: bytes = b""

    def __str__(self) -> str:
        ports = f":{self.sport} > {self.dst}:{self.dport}" if self.sport is not None \
            else f" > {self.dst}"
        return (f"{self.time:.6f} {self.proto} {self.src}{ports} {self.flags} "
                f"len={len(self.payload)}")


def read(path: str | Path) -> list[Packet]:
    with open(path, "rb") as f:
        if f.read(1) == b"":
            return []
        f.seek(0)
        try:
            reader = dpkt.pcap.Reader(f)
        except dpkt.Error as e:   # shorter than a pcap header
            raise ValueError(str(e)) from None
        link = reader.datalink()
        return [p for ts, frame in reader if (p := _parse(ts, frame, link)) is not None]


def _parse(ts: float, frame: bytes, link: int) -> Packet | None:
    eth_dst = None
    if link == dpkt.pcap.DLT_EN10MB:
        eth = dpkt.ethernet.Ethernet(frame)
        eth_dst = ":".join(f"{b:02x}" for b in eth.dst)
        ip = eth.data
    elif link == dpkt.pcap.DLT_LINUX_SLL2:
        ip = dpkt.sll2.SLL2(frame).data
    elif link == dpkt.pcap.DLT_LINUX_SLL:
        ip = dpkt.sll.SLL(frame).data
    else:
        raise ValueError(f"unsupported link type {link}")
    if isinstance(ip, dpkt.ip.IP):
        pkt = Packet(time=ts, src=socket.inet_ntoa(ip.src), dst=socket.inet_ntoa(ip.dst),
                     proto=str(ip.p), ttl=ip.ttl, ip_id=ip.id, df=bool(ip.df), length=ip.len,
                     eth_dst=eth_dst)
    elif isinstance(ip, dpkt.ip6.IP6):
        pkt = Packet(time=ts, src=socket.inet_ntop(socket.AF_INET6, ip.src),
                     dst=socket.inet_ntop(socket.AF_INET6, ip.dst), proto=str(ip.nxt),
                     ttl=ip.hlim, ip_id=0, df=True, length=40 + ip.plen, eth_dst=eth_dst,
                     version=6)
    else:
        return None
    seg = ip.data
    if isinstance(seg, dpkt.tcp.TCP):
        pkt.proto, pkt.sport, pkt.dport = "tcp", seg.sport, seg.dport
        pkt.flags = "".join(c for bit, c in _TCP_FLAGS if seg.flags & bit)
        pkt.seq, pkt.ack, pkt.window, pkt.payload = seg.seq, seg.ack, seg.win, bytes(seg.data)
    elif isinstance(seg, dpkt.udp.UDP):
        pkt.proto, pkt.sport, pkt.dport, pkt.payload = "udp", seg.sport, seg.dport, bytes(seg.data)
    elif isinstance(seg, dpkt.icmp.ICMP):
        pkt.proto, pkt.icmp_type, pkt.payload = "icmp", seg.type, bytes(seg.data)
    elif isinstance(seg, dpkt.icmp6.ICMP6):
        pkt.proto, pkt.icmp_type, pkt.payload = "icmp6", seg.type, bytes(seg.data)
    elif isinstance(seg, bytes):   # a fragment after the first: no transport header
        pkt.payload = seg
    return pkt
