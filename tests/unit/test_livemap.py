"""The live map's pure parts: links and graph from compose.yaml, hops from frames, summaries,
the pcap stream reader, saved recordings, and the server's refusals (no Docker needed)."""
import asyncio
import io
import json
import socket

import dpkt
import pytest

from playground import livemap, pcap
from playground.livemap import Link, hop
from playground.mapbench import free_port
from playground.topology import Topology

topo = Topology()
MODEM_LAN, H1_MAC = "02:00:00:00:00:01", "02:00:00:00:00:11"
HOME_A = Link("home_a", "modemA", "lan", None,
              (("192.168.1.11", "h1"), ("192.168.1.12", "h2")))
WAN = Link("isp_modemA", "modemA", "wan", "isp", (("10.25.1.1", "isp"),))


def frame(src_mac, dst_mac, src, dst, payload: dpkt.Packet, proto=dpkt.ip.IP_PROTO_UDP) -> bytes:
    ip = dpkt.ip.IP(src=socket.inet_aton(src), dst=socket.inet_aton(dst), p=proto, ttl=64,
                    data=payload)
    ip.len = len(bytes(ip))
    eth = dpkt.ethernet.Ethernet(src=bytes.fromhex(src_mac.replace(":", "")),
                                 dst=bytes.fromhex(dst_mac.replace(":", "")),
                                 type=dpkt.ethernet.ETH_TYPE_IP, data=ip)
    return bytes(eth)


def dns_query(ident=0x1234, name="www.example.com") -> dpkt.udp.UDP:
    msg = dpkt.dns.DNS(id=ident, qd=[dpkt.dns.DNS.Q(name=name, type=dpkt.dns.DNS_A)])
    udp = dpkt.udp.UDP(sport=40000, dport=53, data=bytes(msg))
    udp.ulen = len(bytes(udp))
    return udp


def test_every_routed_network_is_watched_once_at_a_router():
    links = livemap.links(topo)
    assert sorted(ln.network for ln in links) == sorted(
        {i.network for h in topo.hosts.values() if h.forwards for i in h.interfaces})
    by_net = {ln.network: ln for ln in links}
    assert (by_net["home_a"].host, by_net["home_a"].iface, by_net["home_a"].peer) == \
        ("modemA", "lan", None)
    assert dict(by_net["server_room"].members)["10.130.1.4"] == "www"
    assert (by_net["isp_backbone"].host, by_net["isp_backbone"].peer) == ("isp", "backbone")


def test_the_graph_has_every_host_lan_and_interface():
    g = livemap.graph(topo)
    nodes = {n["data"]["id"]: n for n in g["nodes"]}
    assert set(topo.names) <= set(nodes)
    assert {n for n, v in nodes.items() if v["classes"] == "lan"} == \
        {"home_a", "home_b", "server_room"}
    assert "nat" in nodes["modemA"]["classes"] and "nat" not in nodes["isp"]["classes"]
    edges = {e["data"]["id"]: e["data"] for e in g["edges"]}
    # One edge per point-to-point link, one per interface on a LAN.
    assert len(edges) == sum(len(h.interfaces) for h in topo.hosts.values()) - 4
    wan, isp = edges["modemA--isp"]["source_label"], edges["modemA--isp"]["target_label"]
    assert wan.startswith("wan 10.25.1.65") and isp.startswith("modemA 10.25.1.1")
    assert edges["h1--home_a"]["source_label"].startswith("eth0 192.168.1.11")
    assert nodes["modemA"]["data"]["label"] == "modemA\nhome router, NAT"
    assert nodes["home_b"]["data"]["label"] == "home_b\n192.168.1.0/24"


@pytest.mark.parametrize("src_mac, dst_mac, src, dst, expected", [
    (H1_MAC, MODEM_LAN, "192.168.1.11", "10.1.1.1", ("h1", "modemA")),
    (MODEM_LAN, H1_MAC, "10.1.1.1", "192.168.1.11", ("modemA", "h1")),
    (MODEM_LAN, livemap.BROADCAST, "192.168.1.1", "192.168.1.255", ("modemA", "home_a")),
    (H1_MAC, livemap.BROADCAST, "192.168.1.11", "192.168.1.255", ("h1", "modemA")),
    (H1_MAC, "02:00:00:00:00:12", "192.168.1.11", "192.168.1.12", ("h1", "h2")),
    ("02:00:00:00:00:99", MODEM_LAN, "192.168.1.99", "10.1.1.1", ("home_a", "modemA")),
])
def test_a_hop_on_a_lan(src_mac, dst_mac, src, dst, expected):
    assert hop(HOME_A, MODEM_LAN, src_mac, dst_mac, src, dst) == expected


def test_a_hop_on_a_point_to_point_link_goes_by_the_mac():
    own = "02:00:00:00:00:65"
    assert hop(WAN, own, own, "02:00:00:00:00:01", "10.25.1.65", "10.1.1.1") == ("modemA", "isp")
    assert hop(WAN, own, "02:00:00:00:00:01", own, "10.1.1.1", "10.25.1.65") == ("isp", "modemA")


def test_an_event_names_the_hop_and_the_dns_question():
    e = livemap.event(HOME_A, MODEM_LAN, 12.5,
                      frame(H1_MAC, MODEM_LAN, "192.168.1.11", "10.1.1.1", dns_query()))
    assert (e["from"], e["to"], e["network"], e["at"]) == ("h1", "modemA", "home_a",
                                                           "modemA lan")
    assert e["summary"].startswith("UDP 192.168.1.11:40000 > 10.1.1.1:53 "
                                   "DNS query 0x1234 A www.example.com")


def test_an_ipv6_datagram_on_a_lan():
    lan = Link("home_a", "modemA", "lan", None, (("fd00:25:a::11", "h1"),))
    ip6 = dpkt.ip6.IP6(src=socket.inet_pton(socket.AF_INET6, "fd00:25:a::11"),
                       dst=socket.inet_pton(socket.AF_INET6, "fd00:1::1"), nxt=17, hlim=64,
                       data=dns_query())
    ip6.plen = len(ip6.data)
    eth = dpkt.ethernet.Ethernet(src=bytes.fromhex("020000000011"),
                                 dst=bytes.fromhex("020000000001"),
                                 type=dpkt.ethernet.ETH_TYPE_IP6, data=ip6)
    e = livemap.event(lan, MODEM_LAN, 1.0, bytes(eth))
    assert (e["from"], e["to"]) == ("h1", "modemA")
    assert e["summary"] == ("UDP [fd00:25:a::11]:40000 > [fd00:1::1]:53 DNS query 0x1234 A "
                            "www.example.com len 33 hop limit 64")


def test_summaries_of_tcp_arp_and_a_broken_frame():
    seg = dpkt.tcp.TCP(sport=5000, dport=443, flags=dpkt.tcp.TH_SYN, seq=7)
    tcp = livemap.event(HOME_A, MODEM_LAN, 1.0, frame(H1_MAC, MODEM_LAN, "192.168.1.11",
                                                      "10.130.1.4", seg, dpkt.ip.IP_PROTO_TCP))
    assert "TCP 192.168.1.11:5000 > 10.130.1.4:443 [S] seq 7" in tcp["summary"]
    arp = dpkt.arp.ARP(op=dpkt.arp.ARP_OP_REQUEST, spa=socket.inet_aton("192.168.1.11"),
                       tpa=socket.inet_aton("192.168.1.1"))
    eth = dpkt.ethernet.Ethernet(src=b"\x02" + b"\x00" * 4 + b"\x11", dst=b"\xff" * 6,
                                 type=dpkt.ethernet.ETH_TYPE_ARP, data=arp)
    assert livemap.summary(dpkt.ethernet.Ethernet(bytes(eth)))[2] == \
        "ARP request who-has 192.168.1.1 (from 192.168.1.11)"
    runt = livemap.event(HOME_A, MODEM_LAN, 1.0, bytes(eth)[:12] + b"\x08\x00\x45")
    assert runt["summary"] == "ethertype 0x0800, 1 bytes not parsed"
    assert livemap.event(HOME_A, MODEM_LAN, 1.0, b"\x02" * 9)["summary"] == \
        "frame of 9 bytes (not parsed)"


def test_filter_text_refused_before_tcpdump_sees_it():
    assert livemap.check_filter_text("udp port 53") is None
    assert "longer" in livemap.check_filter_text("port 53 or " * 40)
    assert "control" in livemap.check_filter_text("udp\nport 53")


def test_the_pcap_stream_gives_back_what_was_written():
    frames = [(100.25, b"a" * 60), (100.5, b"b" * 1514)]
    data = io.BytesIO()
    writer = dpkt.pcap.Writer(data, linktype=dpkt.pcap.DLT_EN10MB)
    for ts, f in frames:
        writer.writepkt(f, ts=ts)

    async def read_all():
        reader = asyncio.StreamReader()
        reader.feed_data(data.getvalue())
        reader.feed_eof()
        stream = livemap.PcapStream(reader)
        await stream.header()
        return [await stream.next() for _ in frames]
    got = asyncio.run(read_all())
    assert [f for _, f in got] == [f for _, f in frames]
    assert [round(t, 6) for t, _ in got] == [ts for ts, _ in frames]


def test_a_recording_saves_one_pcap_per_link(tmp_path):
    query = frame(H1_MAC, MODEM_LAN, "192.168.1.11", "10.1.1.1", dns_query())
    natted = frame("02:00:00:00:00:65", "02:00:00:00:00:01", "10.25.1.65", "10.1.1.1",
                   dns_query())
    events = [livemap.event(HOME_A, MODEM_LAN, 10.0, query),
              livemap.event(WAN, "02:00:00:00:00:65", 10.001, natted)]
    paths = livemap.save_recording(events, tmp_path)
    assert [p.name for p in paths] == ["modemA-lan.pcap", "modemA-wan.pcap"]
    assert [p.src for p in pcap.read(paths[0])] == ["192.168.1.11"]
    assert [p.src for p in pcap.read(paths[1])] == ["10.25.1.65"]


@pytest.mark.parametrize("origin, host, ok", [
    ("http://127.0.0.1:8015", "127.0.0.1:8015", True),
    ("http://localhost:8015", "localhost:8015", True),
    ("http://evil.example", "127.0.0.1:8015", False),
    ("http://127.0.0.1:8015", "rebound.example:8015", False),
    (None, "127.0.0.1:8015", False),
])
def test_only_the_maps_own_page_may_open_the_feed(origin, host, ok):
    assert livemap.allowed_origin(origin, host, 8015) is ok


def test_the_server_refuses_other_hosts_and_origins():
    from aiohttp.test_utils import TestClient, TestServer

    async def check():
        port = free_port()
        server = TestServer(livemap.app(topo, port), host="127.0.0.1", port=port)
        async with TestClient(server) as client:
            assert (await client.get("/graph.json")).status == 200
            page = await client.get("/")
            assert page.status == 200 and "cytoscape.min.js" in await page.text()
            rebound = await client.get("/", headers={"Host": f"rebound.example:{port}"})
            assert rebound.status == 403
            foreign = await client.get("/feed", headers={"Origin": "http://evil.example"})
            assert foreign.status == 403
    asyncio.run(check())


def test_a_recording_keeps_what_came_after_record_up_to_its_limit(monkeypatch):
    monkeypatch.setattr(livemap, "RECORD_LIMIT", 3)
    live = livemap.LiveMap(topo, 8015)
    live.recording, live.since = [], 10.0
    query = frame(H1_MAC, MODEM_LAN, "192.168.1.11", "10.1.1.1", dns_query())
    batch = [livemap.event(HOME_A, MODEM_LAN, 9.0 + i, query) for i in range(6)]
    asyncio.run(live.deliver(batch))
    assert [e["time"] for e in live.recording] == [10.0, 11.0, 12.0]


class Page:
    """Stands in for a page's websocket: keeps what the server sent it."""
    def __init__(self):
        self.got = []

    async def send_str(self, text):
        self.got.append(json.loads(text))


def test_a_router_that_cannot_be_reached_is_one_line_in_the_page(monkeypatch):
    def unreachable(link, bpf):
        raise livemap.PlaygroundError("exec on modemA: No such container: modemA")
    monkeypatch.setattr(livemap, "compile_filter", unreachable)
    live, page = livemap.LiveMap(topo, 8015), Page()
    live.pages.add(page)
    asyncio.run(live.set_filter("udp port 53"))
    assert page.got[-1] == {"type": "capture", "state": "error", "message":
                            "capturing did not start: exec on modemA: No such container: modemA"}
    assert live.feed is None and live.filter == ""
