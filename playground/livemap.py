"""The live map: a page on 127.0.0.1 that draws the playground from compose.yaml and shows the
packets matching a filter crossing its links, hop by hop, with record, replay and pcap files.

Each lab network (a link) is watched by one tcpdump on one router interface: the router's
interface on a LAN, one end of a point-to-point link. A packet's hop is that link, its direction
told by the frame's source MAC (the capturing interface's own, or not). tcpdump streams pcap
(`-w -`) through `docker exec`; frames are parsed with dpkt, so the page gets the same bytes a
recording saves. The feed starts when a page sets a filter and stops (SIGINT to tcpdump, inside
the container) when the filter is cleared or the last page closes. The page is read-only: it can
set a filter and record, nothing else; the server listens on 127.0.0.1 only and refuses pages
from other origins.
"""
from __future__ import annotations

import asyncio
import errno
import io
import json
import socket
import struct
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import dpkt

from . import lifecycle
from .capture import TCPDUMP, refusal
from .engine import PlaygroundError, container, exec_
from .ladder import DNS_RCODES, DNS_TYPES
from .project import ROOT
from .topology import Topology

ADDRESS = "127.0.0.1"
STATIC = Path(__file__).parent / "static"
RECORDINGS = ROOT / "results" / "map"
STATUS_EVERY = 5.0          # seconds between readiness polls while a page is open
BATCH_EVERY = 0.1           # seconds of packets sent to the pages at once, in time order
HOLD = 1.5                  # seconds a packet waits for the other taps' (their blocks: < 1 s)
MAX_FILTER = 300
RECORD_LIMIT = 100_000      # packets a recording keeps (frames in memory until saved)
BROADCAST = "ff:ff:ff:ff:ff:ff"
# capture.py's tcpdump less --immediate-mode: the kernel then hands tcpdump blocks of packets
# at most a second old, so the page shows packets HOLD seconds late (in order), but the map
# costs a third of the CPU it costs packet by packet (bench --map at 100 packets/s: 4-5 %
# of a core against 15-16 %).
TAP = [a for a in TCPDUMP if a != "--immediate-mode"]
# Prints the shell's pid (tcpdump's, after exec) and the interface's MAC, then becomes tcpdump.
# The filter stays one argv element: no shell ever reads it.
STARTER = 'echo "$$ $(cat /sys/class/net/$1/address)" && shift && exec "$@"'


@dataclass(frozen=True)
class Link:
    """One lab network and the router interface it is watched on."""
    network: str
    host: str                 # the router that captures it
    iface: str
    peer: str | None          # the far end of a point-to-point link; None on a LAN
    members: tuple            # (address, host) of the others on the link, IPv4 and IPv6

    @property
    def name(self) -> str:
        return f"{self.host} {self.iface}"


def links(topo: Topology) -> list[Link]:
    """Every network a router touches, once: a LAN at its router, a point-to-point link at
    the end that comes first in compose.yaml."""
    found = {}
    for host in topo.hosts.values():
        if not host.forwards:
            continue
        for iface in host.interfaces:
            if iface.network in found:
                continue
            others = [(h, i) for h, i in topo.on_network(iface.network) if h.name != host.name]
            peer = others[0][0].name if iface.peer and len(others) == 1 else None
            found[iface.network] = Link(iface.network, host.name, iface.name, peer,
                                        tuple((str(a), h.name) for h, i in others
                                              for a in addresses(i)))
    return list(found.values())


def addresses(iface) -> list:
    """Its IPv4 address, and its IPv6 one on a dual-stack interface (compose.yaml's address6)."""
    return [iface.ip] + [a for a in [getattr(iface, "ip6", None)] if a]


def graph(topo: Topology) -> dict:
    """Cytoscape elements: a node per host (name and role) and per LAN (name and subnet); an
    edge per point-to-point link (host to host) or per interface on a LAN (host to LAN), each
    end labelled with the interface there and its address."""
    nodes = [{"data": {"id": h.name, "label": f"{h.name}\n{h.role}", "state": "unknown"},
              "classes": ("router" if h.forwards else "server" if h.ports else "client")
              + (" nat" if h.nat else "")} for h in topo.hosts.values()]
    edges = []
    for network in dict.fromkeys(i.network for h in topo.hosts.values() for i in h.interfaces):
        members = topo.on_network(network)
        if len(members) == 2 and all(i.peer for _, i in members):
            (a, ia), (b, ib) = members
            edges.append(_edge(network, a.name, b.name, _end(ia), _end(ib)))
            continue
        nodes.append({"data": {"id": network,
                               "label": f"{network}\n{members[0][1].address.network}"},
                      "classes": "lan"})
        edges += [_edge(network, h.name, network, _end(i), "") for h, i in members]
    return {"nodes": nodes, "edges": edges}


def _end(iface) -> str:
    """A link end's label: the interface's name and addresses."""
    return f"{iface.name} " + "\n".join(map(str, addresses(iface)))


def _edge(network: str, a: str, b: str, at_a: str, at_b: str) -> dict:
    return {"data": {"id": f"{a}--{b}", "source": a, "target": b, "network": network,
                     "source_label": at_a, "target_label": at_b}}


def hop(link: Link, own_mac: str, src_mac: str, dst_mac: str,
        src: str | None, dst: str | None) -> tuple[str, str]:
    """(from, to) node ids for a frame seen on link: hosts, or the LAN itself when the other
    end is no one in particular (a broadcast, an unknown address)."""
    if link.peer:
        return (link.host, link.peer) if src_mac == own_mac else (link.peer, link.host)
    on_lan = dict(link.members)
    if src_mac == own_mac:
        return link.host, on_lan.get(dst, link.network)
    to = link.host if dst_mac in (own_mac, BROADCAST) else on_lan.get(dst, link.network)
    return on_lan.get(src, link.network), to


def mac(raw: bytes) -> str:
    return ":".join(f"{b:02x}" for b in raw)


def summary(eth: dpkt.ethernet.Ethernet) -> tuple[str | None, str | None, str]:
    """Source and destination addresses (None if not IP) and a one-line summary."""
    ip = eth.data
    if isinstance(ip, dpkt.arp.ARP):
        what = "request who-has" if ip.op == dpkt.arp.ARP_OP_REQUEST else "reply"
        return None, None, f"ARP {what} {socket.inet_ntoa(ip.tpa)} (from " \
                           f"{socket.inet_ntoa(ip.spa)})"
    if isinstance(ip, dpkt.ip.IP):
        family, proto, ttl = socket.AF_INET, ip.p, f"ttl {ip.ttl}"
    elif isinstance(ip, dpkt.ip6.IP6):
        family, proto, ttl = socket.AF_INET6, ip.nxt, f"hop limit {ip.hlim}"
    else:
        rest = f", {len(ip)} bytes not parsed" if isinstance(ip, bytes) else ""
        return None, None, f"ethertype 0x{eth.type:04x}{rest}"
    src, dst = socket.inet_ntop(family, ip.src), socket.inet_ntop(family, ip.dst)
    seg = ip.data
    if isinstance(seg, (dpkt.udp.UDP, dpkt.tcp.TCP)):
        ends = f"{_at(src, seg.sport)} > {_at(dst, seg.dport)}"
    if isinstance(seg, dpkt.udp.UDP):
        line = f"UDP {ends}{_dns(seg)} len {len(seg.data)}"
    elif isinstance(seg, dpkt.tcp.TCP):
        flags = "".join(c for bit, c in [(dpkt.tcp.TH_SYN, "S"), (dpkt.tcp.TH_FIN, "F"),
                                         (dpkt.tcp.TH_RST, "R"), (dpkt.tcp.TH_PUSH, "P"),
                                         (dpkt.tcp.TH_ACK, ".")] if seg.flags & bit)
        line = f"TCP {ends} [{flags}] seq {seg.seq} len {len(seg.data)}"
    elif isinstance(seg, (dpkt.icmp.ICMP, dpkt.icmp6.ICMP6)):
        kind = "ICMP" if family == socket.AF_INET else "ICMPv6"
        line = f"{kind} {src} > {dst} type {seg.type} code {seg.code}"
    else:
        line = f"IP {src} > {dst} proto {proto}"
    return src, dst, f"{line} {ttl}"


def _at(address: str, port: int) -> str:
    return f"[{address}]:{port}" if ":" in address else f"{address}:{port}"


def _dns(udp: dpkt.udp.UDP) -> str:
    """' DNS query 0x1234 A www.example.com' (or response, with its answers) on port 53."""
    if 53 not in (udp.sport, udp.dport):
        return ""
    try:
        msg = dpkt.dns.DNS(udp.data)
    except (dpkt.UnpackError, IndexError):
        return " DNS (not parsed)"
    q = msg.qd[0] if msg.qd else None
    asked = f" {DNS_TYPES.get(q.type, q.type)} {q.name}" if q is not None else ""
    if msg.qr == dpkt.dns.DNS_Q:
        return f" DNS query 0x{msg.id:04x}{asked}"
    answers = [socket.inet_ntoa(a.rdata) for a in msg.an if a.type == dpkt.dns.DNS_A]
    got = " ".join(answers) or _RCODES.get(msg.rcode, f"rcode {msg.rcode}")
    return f" DNS response 0x{msg.id:04x}{asked} -> {got}"


_RCODES = {0: "no answer", **DNS_RCODES}   # rcode 0 with no A record: say so


def check_filter_text(bpf: str) -> str | None:
    """Why this filter text is refused before tcpdump sees it; None when it may be tried."""
    if len(bpf) > MAX_FILTER:
        return f"the filter is longer than {MAX_FILTER} characters"
    if any(ord(c) < 32 for c in bpf):
        return "the filter has control characters"
    return None


def compile_filter(link: Link, bpf: str) -> str | None:
    """tcpdump's own word on the filter (compiled with -d on a router); None when it is fine."""
    problem = check_filter_text(bpf)
    if problem:
        return problem
    why = refusal(link.host, link.iface, bpf)
    return f"tcpdump refuses the filter: {why}" if why else None


class PcapStream:
    """Reads a pcap byte stream record by record (tcpdump -w - writes one)."""

    def __init__(self, reader: asyncio.StreamReader):
        self.reader = reader
        self.order = "<"
        self.nano = False

    async def header(self) -> None:
        head = await self.reader.readexactly(24)
        magic = head[:4]
        for order in "<>":
            value = struct.unpack(order + "I", magic)[0]
            if value in (0xa1b2c3d4, 0xa1b23c4d):
                self.order, self.nano = order, value == 0xa1b23c4d
                return
        raise ValueError("not a pcap stream")

    async def next(self) -> tuple[float, bytes]:
        sec, frac, caplen, _ = struct.unpack(self.order + "IIII",
                                             await self.reader.readexactly(16))
        return sec + frac / (1e9 if self.nano else 1e6), await self.reader.readexactly(caplen)


class Tap:
    """One tcpdump on one link, streaming pcap to us through `docker exec`."""

    def __init__(self, link: Link, bpf: str):
        self.link, self.bpf = link, bpf
        self.proc: asyncio.subprocess.Process | None = None
        self.pid = self.mac = ""

    async def start(self, timeout: float = 10) -> None:
        argv = ["docker", "exec", container(self.link.host), "sh", "-c", STARTER, "sh",
                self.link.iface, *TAP, "-i", self.link.iface, "-w", "-", self.bpf]
        self.proc = await asyncio.create_subprocess_exec(
            *argv, stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE)
        try:
            first = await asyncio.wait_for(self.proc.stdout.readline(), timeout)
            self.pid, self.mac = first.decode().split()
            while b"listening on" not in (line := await asyncio.wait_for(
                    self.proc.stderr.readline(), timeout)):
                if not line:
                    raise ValueError("tcpdump exited")
        except (ValueError, asyncio.TimeoutError):
            raise PlaygroundError(f"tcpdump on {self.link.name} did not start: "
                                  f"{await self._why()}") from None

    async def _why(self) -> str:
        """The last line the failed start printed."""
        try:
            said = await asyncio.wait_for(self.proc.stderr.read(), 2)
        except asyncio.TimeoutError:
            return "no answer"
        lines = said.decode(errors="replace").strip().splitlines()
        return lines[-1] if lines else "no message"

    async def frames(self):
        stream = PcapStream(self.proc.stdout)
        try:
            await stream.header()
            while True:
                yield await stream.next()
        except asyncio.IncompleteReadError:
            return

    async def stop(self) -> None:
        if self.pid:
            await asyncio.to_thread(exec_, self.link.host, "kill", "-INT", self.pid)
        if self.proc:
            try:
                await asyncio.wait_for(self.proc.wait(), 5)
            except asyncio.TimeoutError:
                self.proc.kill()


class Feed:
    """The taps of one filter on every link, merged into hop events in time order."""

    def __init__(self, links: list[Link], bpf: str, deliver, complain):
        self.deliver, self.complain = deliver, complain
        self.taps = [Tap(link, bpf) for link in links]
        self.tasks: list[asyncio.Task] = []
        self.pending: list[dict] = []
        self.seq = 0
        self.stopping = False

    async def start(self) -> None:
        try:
            await asyncio.gather(*(t.start() for t in self.taps))
        except BaseException:
            await self.stop()
            raise
        self.tasks = [asyncio.create_task(self._read(t)) for t in self.taps]
        self.tasks.append(asyncio.create_task(self._flush()))

    async def _read(self, tap: Tap) -> None:
        async for ts, frame in tap.frames():
            self.pending.append(event(tap.link, tap.mac, ts, frame))
        if not self.stopping:
            await self.complain(f"the capture on {tap.link.name} ended (was {tap.link.host} "
                                "restarted?): press Watch again")

    async def _flush(self) -> None:
        """Every BATCH_EVERY, send in time order the packets older than HOLD: by then every
        tap has handed over what it saw before them."""
        while True:
            await asyncio.sleep(BATCH_EVERY)   # the batching window, not a readiness wait
            ripe = time.time() - HOLD
            batch = sorted((e for e in self.pending if e["time"] <= ripe),
                           key=lambda e: e["time"])
            if batch:
                self.pending = [e for e in self.pending if e["time"] > ripe]
                for e in batch:
                    self.seq += 1
                    e["seq"] = self.seq
                await self.deliver(batch)

    async def stop(self) -> None:
        self.stopping = True
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*(t.stop() for t in self.taps), return_exceptions=True)


def event(link: Link, own_mac: str, ts: float, frame: bytes) -> dict:
    """A packet seen on link, for the page (and, with its frame, for a recording)."""
    try:
        eth = dpkt.ethernet.Ethernet(frame)
        src, dst, line = summary(eth)
        ends = hop(link, own_mac, mac(eth.src), mac(eth.dst), src, dst)
    except (dpkt.UnpackError, ValueError, IndexError, OSError):   # a runt or mangled frame
        ends, line = (link.host, link.network), f"frame of {len(frame)} bytes (not parsed)"
    return {"time": ts, "network": link.network, "at": link.name, "from": ends[0],
            "to": ends[1], "summary": line, "frame": frame}


def for_page(e: dict) -> dict:
    return {k: v for k, v in e.items() if k != "frame"}


def save_recording(recorded: list[dict], folder: Path) -> list[Path]:
    """One pcap file per link (Ethernet, microseconds: what Wireshark opens), in folder."""
    folder.mkdir(parents=True, exist_ok=True)
    by_link: dict[str, list[dict]] = {}
    for e in recorded:
        by_link.setdefault(e["at"], []).append(e)
    paths = []
    for at, events in sorted(by_link.items()):
        path = folder / f"{at.replace(' ', '-')}.pcap"
        with open(path, "wb") as f:
            writer = dpkt.pcap.Writer(f, linktype=dpkt.pcap.DLT_EN10MB)
            for e in events:
                writer.writepkt(e["frame"], ts=e["time"])
        paths.append(path)
    return paths


def zipped(paths: list[Path]) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        for p in paths:
            z.write(p, p.name)
    return data.getvalue()


def allowed_origin(origin: str | None, host: str | None, port: int) -> bool:
    """Only our own page may open the feed: a page from elsewhere (or a name rebound to
    127.0.0.1) must not read the packets."""
    return host in local_hosts(port) and origin in {f"http://{h}" for h in local_hosts(port)}


def local_hosts(port: int) -> set[str]:
    """The Host headers of a request made to the map itself."""
    return {f"127.0.0.1:{port}", f"localhost:{port}"}


class LiveMap:
    """The server's state: the pages watching, the one filter they share, the feed, the
    recording. One filter for every page: the newest one set wins, and all pages see it."""

    def __init__(self, topo: Topology, port: int):
        self.topo, self.port = topo, port
        self.links = links(topo)
        self.pages: set = set()
        self.feed: Feed | None = None
        self.filter = ""
        self.recording: list[dict] | None = None
        self.since = 0.0           # when the recording began
        self.saved: dict[str, list[Path]] = {}
        self.states: dict[str, str] = {}
        self.poller: asyncio.Task | None = None
        self.changing = asyncio.Lock()   # one filter change at a time

    async def send_all(self, message: dict) -> None:
        text = json.dumps(message)
        for ws in list(self.pages):
            try:
                await ws.send_str(text)
            except ConnectionError:
                self.pages.discard(ws)

    async def deliver(self, batch: list[dict]) -> None:
        if self.recording is not None:
            room = RECORD_LIMIT - len(self.recording)
            self.recording.extend([e for e in batch if e["time"] >= self.since][:room])
        await self.send_all({"type": "packets", "packets": [for_page(e) for e in batch]})

    async def set_filter(self, bpf: str) -> None:
        async with self.changing:
            await self._stop_feed()
            self.filter = bpf.strip()
            if not self.filter:
                return await self.send_all({"type": "capture", "state": "off"})
            await self.send_all({"type": "capture", "state": "starting", "filter": self.filter})
            try:
                problem = await asyncio.to_thread(compile_filter, self.links[0], self.filter)
                if not problem:
                    feed = Feed(self.links, self.filter, self.deliver, self.complain)
                    await feed.start()
                    self.feed = feed
            except PlaygroundError as e:   # a router down, the engine gone
                problem = f"capturing did not start: {e}"
            if problem:
                self.filter = ""
                return await self.complain(problem)
            await self.send_all({"type": "capture", "state": "on", "filter": self.filter,
                                 "links": [ln.name for ln in self.links]})

    async def complain(self, problem: str) -> None:
        await self.send_all({"type": "capture", "state": "error", "message": problem})

    async def _stop_feed(self) -> None:
        if self.feed:
            feed, self.feed = self.feed, None
            await feed.stop()

    async def record(self, on: bool) -> None:
        if on:
            self.recording, self.since = [], time.time()
            return await self.send_all({"type": "recording", "state": "on"})
        until = time.time()
        # What crossed before Stop is still held back for up to HOLD: wait that window out.
        await asyncio.sleep(HOLD + 2 * BATCH_EVERY)
        recorded = [e for e in self.recording or [] if e["time"] <= until]
        self.recording = None
        name = time.strftime("recording-%Y%m%d-%H%M%S")
        paths = await asyncio.to_thread(save_recording, recorded, RECORDINGS / name)
        self.saved[name] = paths
        await self.send_all({"type": "recording", "state": "saved", "packets": len(recorded),
                             "full": len(recorded) >= RECORD_LIMIT,
                             "folder": str(RECORDINGS / name), "url": f"/recordings/{name}.zip",
                             "files": [p.name for p in paths],
                             "events": [for_page(e) for e in recorded]})

    async def poll_status(self) -> None:
        """Readiness of every host, only while a page is open."""
        ready: set[str] = set()
        while self.pages:
            try:
                self.states = await asyncio.to_thread(lifecycle.states, self.topo, ready)
            except PlaygroundError as e:   # the engine stopped: say so, keep asking
                self.states = dict.fromkeys(self.topo.names, "unknown")
                await self.complain(str(e))
            await self.send_all({"type": "status", "states": self.states})
            await asyncio.sleep(STATUS_EVERY)   # poll interval of the readiness display

    async def joined(self, ws) -> None:
        self.pages.add(ws)
        await ws.send_str(json.dumps({"type": "capture", "state": "on" if self.feed else "off",
                                      "filter": self.filter}))
        if self.states:
            await ws.send_str(json.dumps({"type": "status", "states": self.states}))
        if not self.poller or self.poller.done():
            self.poller = asyncio.create_task(self.poll_status())

    async def left(self, ws) -> None:
        self.pages.discard(ws)
        if not self.pages:   # no one watching: capture nothing, poll nothing
            self.recording = None
            await self.set_filter("")
            if self.poller:
                self.poller.cancel()


def app(topo: Topology, port: int):
    from aiohttp import WSMsgType, web
    live = LiveMap(topo, port)

    @web.middleware
    async def only_local(request, handler):
        if request.host not in local_hosts(port):
            raise web.HTTPForbidden(text="the map answers only at 127.0.0.1")
        return await handler(request)

    async def index(request):
        return web.FileResponse(STATIC / "map.html")

    async def graph_json(request):
        return web.json_response(graph(topo))

    async def recording(request):
        paths = live.saved.get(request.match_info["name"])
        if not paths:
            raise web.HTTPNotFound(text="no such recording")
        return web.Response(body=zipped(paths), content_type="application/zip")

    async def feed(request):
        if not allowed_origin(request.headers.get("Origin"), request.host, port):
            raise web.HTTPForbidden(text="the feed is for the map's own page")
        ws = web.WebSocketResponse(heartbeat=30)
        await ws.prepare(request)
        await live.joined(ws)
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                asked = json.loads(msg.data)
                if "filter" in asked:
                    await live.set_filter(str(asked["filter"]))
                elif "record" in asked:
                    await live.record(bool(asked["record"]))
        finally:
            await live.left(ws)
        return ws

    async def cleanup(_app):
        await live.set_filter("")

    application = web.Application(middlewares=[only_local])
    application.router.add_get("/", index)
    application.router.add_get("/graph.json", graph_json)
    application.router.add_get("/feed", feed)
    application.router.add_get("/recordings/{name}.zip", recording)
    application.router.add_static("/static/", STATIC)
    application.on_shutdown.append(cleanup)
    return application


def serve(topo: Topology, port: int) -> None:
    """Serve the map on 127.0.0.1:port until Ctrl-C."""
    try:
        from aiohttp import web
    except ImportError:
        raise PlaygroundError("the aiohttp package is missing: pip install -r "
                              "requirements.txt (or use ./scripts/map)") from None
    try:
        web.run_app(app(topo, port), host=ADDRESS, port=port, handle_signals=True,
                    print=lambda _: print(f"map: http://{ADDRESS}:{port}/ (Ctrl-C to stop)",
                                          flush=True))
    except OSError as e:
        why = "the port is in use" if e.errno == errno.EADDRINUSE else e.strerror
        raise PlaygroundError(f"cannot listen on {ADDRESS}:{port}: {why}; "
                              "choose another with --port") from None
