"""bench --map: what the live map costs, with no page open and with a page watching a filter
while h1 sends a bounded UDP stream to www (RATE packets/s for SECONDS).

CPU is read from /proc on this machine (the containers' processes are visible there when the
engine runs here, as the cgroup figures of `bench` need too): the map server, the `docker exec`
clients it runs (one per watched link), the tcpdumps in the routers, and the Docker engine's
processes that relay their streams (those also serve everything else running at the time)."""
from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from .benchmark import container_ids
from .engine import PlaygroundError, check_engine
from .project import ROOT
from .run import run
from .topology import Topology

TICK = os.sysconf("SC_CLK_TCK")
PORT = 9          # discard: nothing listens on www, so only the stream itself matches
ENGINE = {"dockerd", "containerd", "containerd-shim", "containerd-shim-runc-v2"}
SHIMS = "the routers' containerd-shims"   # they relay the tcpdumps' output (and any exec's)
ENGINE_PART = "dockerd, containerd (all users)"
SENDER = """
import socket, sys, time
rate, count = float(sys.argv[1]), int(sys.argv[2])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
start = time.monotonic()
for i in range(count):
    s.sendto(b"m" * 64, ("www", %d))
    time.sleep(max(0.0, start + (i + 1) / rate - time.monotonic()))  # paced, not busy
""" % PORT


def processes() -> list[tuple[int, int, str, str, float]]:
    """(pid, ppid, command name, command line, CPU seconds) of every process on this machine."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue   # gone while we looked
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        found.append((int(entry.name), int(fields[1]), name, cmdline,
                      (int(fields[11]) + int(fields[12])) / TICK))
    return found


def cpu_by_part(server_pid: int, bpf: str, routers: list[str]) -> dict[str, float]:
    """CPU seconds so far of each part: ours, then the engine's (shared with others)."""
    parts = dict.fromkeys(["map server", "docker exec clients", "tcpdump in the routers",
                           SHIMS, ENGINE_PART], 0.0)
    for pid, ppid, name, cmdline, cpu in processes():
        if pid == server_pid:
            parts["map server"] += cpu
        elif ppid == server_pid and name == "docker":
            parts["docker exec clients"] += cpu
        elif name == "tcpdump" and bpf in cmdline:
            parts["tcpdump in the routers"] += cpu
        elif name == "containerd-shim" and any(f"-id {i}" in cmdline for i in routers):
            parts[SHIMS] += cpu
        elif name in ENGINE:
            parts[ENGINE_PART] += cpu
    return parts


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_answering(url: str, server: subprocess.Popen, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while server.poll() is None and time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.1)   # poll interval of the readiness check
    raise PlaygroundError(f"the map server did not answer at {url}")


@contextmanager
def map_server():
    """`playground map` on a free port, started as a user starts it, once it answers: its
    port and process. Stopped with Ctrl-C at the end; its errors go to our stderr."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "playground", "map", "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL)
    try:
        wait_answering(f"http://127.0.0.1:{port}/", server)
        yield port, server
    finally:
        server.send_signal(subprocess.signal.SIGINT)
        server.wait(timeout=20)


async def watching(port: int, bpf: str, work) -> tuple[int, float]:
    """Open the feed as a page does, set the filter, run work(); the packets the page got."""
    import aiohttp
    got = 0
    origin = f"http://127.0.0.1:{port}"
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(f"{origin}/feed", origin=origin) as ws:
            await ws.send_str(json.dumps({"filter": bpf}))
            async for msg in ws:
                m = json.loads(msg.data)
                if m["type"] == "capture" and m["state"] == "error":
                    raise PlaygroundError(m["message"])
                if m["type"] == "capture" and m["state"] == "on":
                    break
            task = asyncio.create_task(asyncio.to_thread(work))
            while not task.done():
                try:
                    msg = await ws.receive(timeout=0.5)
                except asyncio.TimeoutError:
                    continue
                if msg.type != aiohttp.WSMsgType.TEXT:
                    raise PlaygroundError("the map server closed the feed")
                got += len(json.loads(msg.data).get("packets", []))
            seconds = await task
            # The last batch is on its way when the sender stops.
            try:
                while (msg := await ws.receive(timeout=1.0)).type == aiohttp.WSMsgType.TEXT:
                    got += len(json.loads(msg.data).get("packets", []))
            except asyncio.TimeoutError:
                pass
    return got, seconds


def measure(server_pid: int, bpf: str, routers: list[str], work) -> dict[str, float]:
    """CPU of each part (% of one core) over work()."""
    before, start = cpu_by_part(server_pid, bpf, routers), time.monotonic()
    work()
    after, wall = cpu_by_part(server_pid, bpf, routers), time.monotonic() - start
    return {k: (after[k] - before[k]) / wall * 100 for k in before}


def main(topo: Topology, seconds: float = 20, rate: float = 100) -> None:
    check_engine()
    count = int(seconds * rate)
    bpf = f"udp port {PORT} and host {topo['www'].address}"
    links = 5   # home_a, modemA-isp, isp-backbone, backbone-example, server_room

    def send():
        start = time.monotonic()
        run("h1", "python3", "-c", SENDER, str(rate), str(count), timeout=seconds + 30).check()
        return time.monotonic() - start

    with map_server() as (port, server):
        routers = container_ids([h.name for h in topo.hosts.values() if h.forwards])
        idle = measure(server.pid, bpf, routers, lambda: time.sleep(seconds))   # idle window
        quiet = measure(server.pid, bpf, routers, send)
        got = []
        watched = measure(server.pid, bpf, routers,
                          lambda: got.append(asyncio.run(watching(port, bpf, send))))
    received, _ = got[0]
    print(f"\nlive map, h1 -> www UDP at {rate:g} packets/s for {seconds:g} s "
          f"({count} packets, {links} links on the way)")
    print(f"  {'CPU, % of one core':32} {'no page':>9} {'no page':>9} {'page +':>9}")
    print(f"  {'':32} {'no load':>9} {'traffic':>9} {'filter':>9}")
    for part in idle:
        print(f"  {part:32} {idle[part]:9.2f} {quiet[part]:9.2f} {watched[part]:9.2f}")
    ours = list(idle)[:3]
    print(f"  {'the map (the first three)':32} {sum(idle[k] for k in ours):9.2f} "
          f"{sum(quiet[k] for k in ours):9.2f} {sum(watched[k] for k in ours):9.2f}")
    print(f"  packets shown to the page: {received} of {count * links} hops "
          f"({received / (count * links):.0%})")
    print("  (the engine relays the tcpdumps' output but serves whatever else runs too: its "
          "columns are the map's cost only on a quiet machine)")
