"""Parsing captures: Ethernet and Linux cooked frames into Packet records."""
import dpkt

from playground import pcap


def ip_tcp(flags, payload=b"", win=0):
    tcp = dpkt.tcp.TCP(sport=40000, dport=80, seq=7, ack=9, flags=flags, win=win, data=payload)
    return dpkt.ip.IP(src=bytes([10, 25, 1, 65]), dst=bytes([10, 130, 1, 4]), ttl=61,
                      p=dpkt.ip.IP_PROTO_TCP, df=1, data=tcp)


def write(path, frames, link):
    with open(path, "wb") as f:
        w = dpkt.pcap.Writer(f, linktype=link)
        for ts, frame in frames:
            w.writepkt(bytes(frame), ts=ts)


def test_ethernet_tcp(tmp_path):
    push = ip_tcp(dpkt.tcp.TH_PUSH | dpkt.tcp.TH_ACK, b"GET / HTTP/1.1")
    eth = dpkt.ethernet.Ethernet(dst=b"\xff" * 6, src=b"\x02" * 6, type=dpkt.ethernet.ETH_TYPE_IP,
                                 data=push)
    syn = dpkt.ethernet.Ethernet(dst=b"\x02" * 6, src=b"\x04" * 6,
                                 type=dpkt.ethernet.ETH_TYPE_IP, data=ip_tcp(dpkt.tcp.TH_SYN))
    write(tmp_path / "a.pcap", [(1.5, eth), (2.0, syn)], dpkt.pcap.DLT_EN10MB)
    first, second = pcap.read(tmp_path / "a.pcap")
    assert (first.src, first.dst, first.proto, first.sport, first.dport) == \
        ("10.25.1.65", "10.130.1.4", "tcp", 40000, 80)
    assert first.flags == "AP" and first.payload == b"GET / HTTP/1.1" and first.df
    assert first.eth_dst == "ff:ff:ff:ff:ff:ff" and first.ttl == 61 and first.time == 1.5
    assert second.flags == "S" and second.window == 0


def test_cooked_udp(tmp_path):
    udp = dpkt.udp.UDP(sport=5353, dport=53, data=b"query")
    ip = dpkt.ip.IP(src=b"\xc0\xa8\x01\x0b", dst=b"\x0a\x01\x01\x01", p=dpkt.ip.IP_PROTO_UDP,
                    data=udp)
    sll2 = dpkt.sll2.SLL2(ethtype=dpkt.ethernet.ETH_TYPE_IP, data=ip)
    write(tmp_path / "b.pcap", [(3.0, sll2)], dpkt.pcap.DLT_LINUX_SLL2)
    [pkt] = pcap.read(tmp_path / "b.pcap")
    assert (pkt.proto, pkt.src, pkt.dport, pkt.payload, pkt.eth_dst) == \
        ("udp", "192.168.1.11", 53, b"query", None)


def test_empty_file_is_no_packets(tmp_path):
    (tmp_path / "c.pcap").write_bytes(b"")
    assert pcap.read(tmp_path / "c.pcap") == []
