"""Ladder diagrams from a pcap made here: what modemA sees on all its links when h1 looks up
www.example.com, connects, sends a line of SMTP and a TLS ClientHello, and pings. No Docker."""
import socket
from xml.etree import ElementTree

import dpkt
import pytest

from playground import ladder
from playground.cli import main
from playground.topology import Topology

topo = Topology()
H1 = str(topo["h1"].address)
WAN = str(topo["modemA"].interface("wan").ip)
WWW = str(topo["www"].address)
DNS = str(topo.dns_server.address)
CLIENT_HELLO = bytes.fromhex("16030100310100002d0303") + bytes(32) + \
    bytes.fromhex("000002130101000002ff010001") + bytes(0)


def datagram(src, dst, segment, ttl=64, ip_id=7):
    proto = {dpkt.tcp.TCP: 6, dpkt.udp.UDP: 17, dpkt.icmp.ICMP: 1}[type(segment)]
    ip = dpkt.ip.IP(src=socket.inet_aton(src), dst=socket.inet_aton(dst), p=proto, ttl=ttl,
                    id=ip_id, data=segment)
    ip.len = len(bytes(ip))
    return ip


def dns_query():
    return bytes(dpkt.dns.DNS(id=1, qd=[dpkt.dns.DNS.Q(name="www.example.com", type=1)]))


def dns_answer():
    answer = dpkt.dns.DNS.RR(name="www.example.com", type=1, rdata=socket.inet_aton(WWW))
    return bytes(dpkt.dns.DNS(id=1, qr=1, op=0x8000, rcode=0, an=[answer],
                              qd=[dpkt.dns.DNS.Q(name="www.example.com", type=1)]))


def hop(out, t, src, dst, nat_src, nat_dst, segment, ip_id):
    """The datagram as it enters modemA and as it leaves (TTL one less, NAT'd)."""
    out.append((t, datagram(src, dst, segment, 64, ip_id)))
    out.append((t + 0.00002, datagram(nat_src, nat_dst, segment, 63, ip_id)))


@pytest.fixture
def capture(tmp_path):
    """modemA-any-1.pcap (Linux cooked v2, as tcpdump -i any writes it)."""
    port = 40000
    packets = []
    hop(packets, 1.0, H1, DNS, WAN, DNS, dpkt.udp.UDP(sport=port, dport=53, data=dns_query()), 1)
    hop(packets, 1.001, DNS, WAN, DNS, H1,
        dpkt.udp.UDP(sport=53, dport=port, data=dns_answer()), 2)
    hop(packets, 1.002, H1, WWW, WAN, WWW,
        dpkt.tcp.TCP(sport=port, dport=25, flags=dpkt.tcp.TH_SYN, seq=100), 3)
    hop(packets, 1.003, H1, WWW, WAN, WWW,
        dpkt.tcp.TCP(sport=port, dport=25, flags=dpkt.tcp.TH_ACK | dpkt.tcp.TH_PUSH, seq=101,
                     data=b"EHLO h1.home.example\r\n"), 4)
    hop(packets, 1.004, H1, WWW, WAN, WWW,
        dpkt.tcp.TCP(sport=port + 1, dport=443, flags=dpkt.tcp.TH_ACK | dpkt.tcp.TH_PUSH,
                     seq=5, data=CLIENT_HELLO), 5)
    packets.append((1.005, datagram(WWW, WAN, dpkt.icmp.ICMP(type=0, data=b"ping"), 61, 6)))
    path = tmp_path / "modemA-any-1.pcap"
    with open(path, "wb") as f:
        writer = dpkt.pcap.Writer(f, linktype=dpkt.pcap.DLT_LINUX_SLL2)
        for t, ip in packets:
            writer.writepkt(bytes(dpkt.sll2.SLL2(data=ip)), ts=t)
    return path


def test_copies_of_a_forwarded_datagram_make_one_arrow_through_the_router(capture):
    names = ladder.address_names(topo, "modemA")
    items = ladder.arrows(ladder.pcap.read(capture), names, "modemA")
    assert [(a.src, a.dst, a.via) for a in items[:2]] == [
        ("h1", "backbone", "modemA"), ("backbone", "h1", "modemA")]
    assert items[0].note == f"NAT src {H1} -> {WAN}"
    assert items[1].note == f"NAT dst {WAN} -> {H1}"
    assert len(items) == 6   # five forwarded datagrams and one seen once


def test_each_arrow_says_what_its_packet_carries(capture):
    items = ladder.arrows(ladder.pcap.read(capture), ladder.address_names(topo, "modemA"))
    said = [(a.protocol, a.label) for a in items]
    assert said == [("DNS", "query A www.example.com"),
                    ("DNS", f"answer A www.example.com: A {WWW}"),
                    ("TCP", "S 40000 > 25"), ("SMTP", "EHLO h1.home.example"),
                    ("TLS", "ClientHello"), ("ICMP", "echo reply")]
    assert items[3].excerpt == "EHLO h1.home.example\u21b5"


def test_outside_address_of_a_nat_router_is_named_as_the_hosts_behind_it():
    names = ladder.address_names(topo)
    assert names[WAN] == "h1, h2, h3 via modemA NAT"
    assert names[H1] == "h1"
    shared = str(topo["modemA"].interface("lan").ip)   # modemB's LAN has the same address
    assert names[shared] == "modemA | modemB"
    assert ladder.address_names(topo, "modemB")[shared] == "modemB"


def test_ipv6_addresses_are_named_as_their_own_hosts_never_a_nat():
    names = ladder.address_names(topo)
    assert names[str(topo["h1"].address6)] == "h1"    # the home's own /64: no NAT for IPv6
    assert names[str(topo["h4"].address6)] == "h4"
    assert names[str(topo["www"].address6)] == "www"


def test_the_diagram_is_an_svg_with_a_column_per_host_and_an_arrow_per_datagram(capture):
    out = ladder.write(capture, topo)
    assert out == capture.with_suffix(".svg")
    root = ElementTree.parse(out).getroot()
    ns = {"s": "http://www.w3.org/2000/svg"}
    columns = [g.find("s:text", ns).text for g in root.iterfind("s:g[@class='column']", ns)]
    assert columns == ["h1", "modemA", "h1, h2, h3 via modemA NAT", "backbone", "www"]
    arrows = root.findall("s:g[@class='arrow']", ns)
    assert len(arrows) == 6
    assert "DNS query A www.example.com" in "".join(arrows[0].itertext())
    assert f"NAT src {H1} -&gt; {WAN}" in out.read_text()


def test_ladder_verb_draws_any_pcap_and_refuses_what_is_not_one(capture, tmp_path, capsys):
    main(["ladder", str(capture), "-o", str(tmp_path / "out.svg")])
    assert (tmp_path / "out.svg").read_text().startswith("<svg")
    (tmp_path / "notes.txt").write_text("not a capture")
    for argv, said in ((["ladder", str(tmp_path / "notes.txt")], "not a pcap file"),
                       (["ladder", str(tmp_path / "absent.pcap")], "no such file"),
                       (["ladder", str(capture), "--host", "nohost"], "no host named")):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code != 0 and said in str(exit_.value.code)


@pytest.mark.parametrize("port, payload, label", [
    (53, b"\x00\x01\x81\x80\x00\x01\x00\x01\xff\xff", "malformed DNS message"),
    (53, bytes.fromhex("bec3b42ff78968f41b53a30e10c129059ea3d039af4eb41305d18b5b3600f5f6c5fc"
                       "eca7685fd3eb"), "malformed DNS message"),   # a name that is not text
    (443, b"\x16\x03\x01\x00\x40\x01\x00", "Handshake (part of a record)"),
    (443, bytes.fromhex("16030428419c5c6c5c128c98f2811178"), "Handshake (part of a record)"),
    (443, b"\x16\x03\x09\xff", "4 bytes")])   # no TLS version 3.9: not taken for TLS
def test_bytes_that_only_look_like_dns_or_tls_are_labelled_not_fatal(port, payload, label):
    packet = ladder.pcap.Packet(0.0, H1, WWW, "udp", 64, 1, True, 28 + len(payload),
                                sport=40000, dport=port, payload=payload)
    assert ladder.says(packet)[1] == label


def test_icmpv6_is_named_too():
    packet = ladder.pcap.Packet(0.0, "fd00::11", "fd00::1", "icmp6", 64, 0, True, 64,
                                icmp_type=135)
    assert ladder.says(packet) == ("ICMP", "neighbour solicitation")
