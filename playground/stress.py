"""`playground stress`: bounded load on the running playground, printed as figures. It asserts
nothing; what the playground promises (no errors, no drops) is read off its output:

- chapter 7's servers on www, each under 200 concurrent clients (50 from each of h1-h4) for
  a bounded time: labs/ch07/bench.py --clients 200;
- a capture on isp, on its link to modemA, while h1 sends RATE UDP datagrams a second to www
  for SECONDS: how many were sent, captured, and dropped by the kernel as tcpdump counts them.

Traffic stays inside the lab and stops by itself.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from .capture import Capture, interface
from .engine import PlaygroundError, exec_, put_file
from .labs import LABS
from .run import run, scratch, serve
from .topology import Topology

PACE = Path(__file__).with_name("pace.py")   # the paced sender, run in h1
SINK_PORT = 9199                             # UDP on www: a listener that discards


def ch07(seconds: float) -> None:
    """Every chapter 7 server on www under 200 clients from four hosts (its bench's table)."""
    print(f"chapter 7's servers, 200 concurrent clients from h1-h4 for {seconds:g} s each:",
          flush=True)
    done = subprocess.run([sys.executable, str(LABS / "ch07" / "bench.py"), "--clients", "200",
                           "--seconds", str(seconds)])
    if done.returncode != 0:
        raise PlaygroundError("labs/ch07/bench.py failed (see above)")


def capture_rate(topo: Topology, rate: int, seconds: float) -> None:
    """tcpdump on isp while h1 sends `rate` datagrams a second to www: does it keep up?"""
    iface = interface(topo, "isp", "modemA")
    sender = scratch(".py")
    put_file("h1", sender, PACE.read_bytes())
    sink = ("socat", "-u", f"UDP-RECV:{SINK_PORT}", "/dev/null")
    try:
        with serve("www", *sink, port=SINK_PORT, proto="udp"), \
                tempfile.TemporaryDirectory() as folder:
            cap = Capture("isp", iface, f"udp port {SINK_PORT}", Path(folder) / "rate.pcap")
            try:
                cap.wait_listening()
                sent = json.loads(run("h1", "python3", sender, "www", str(SINK_PORT), str(rate),
                                      str(seconds), timeout=seconds + 20).check().stdout)
            finally:
                captured = len(cap.finish())
    finally:
        exec_("h1", "rm", "-f", sender)
    print(f"""
capture on isp ({iface}) while h1 sends UDP to www:
  asked for                     {rate:8d} datagrams/s for {seconds:g} s
  sent                          {sent['sent']:8d} in {sent['seconds']:.2f} s ({sent['sent'] / sent['seconds']:.0f}/s)
  captured on isp               {captured:8d} ({captured / max(sent['sent'], 1):.1%} of those sent)
  dropped by the kernel         {cap.dropped if cap.dropped is not None else 'unknown':>8} (tcpdump's own count)""")


def main(topo: Topology, seconds: float, rate: int, rate_seconds: float) -> None:
    ch07(seconds)
    capture_rate(topo, rate, rate_seconds)
