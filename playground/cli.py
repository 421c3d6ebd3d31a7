"""The commands behind scripts/: one verb each, one clear line on error, exit 0 only on success."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from . import benchmark, capture, diagram, lifecycle
from .engine import PlaygroundError, check_engine
from .topology import Topology


def cmd_up(args, topo):
    lifecycle.up(topo, rebuild=args.build, new_ca=args.new_ca, timeout=args.timeout)
    print(lifecycle.format_table(lifecycle.status(topo)))


def cmd_down(args, topo):
    lifecycle.down()


def cmd_status(args, topo):
    check_engine()
    rows = lifecycle.status(topo)
    print(lifecycle.format_table(rows))
    if any(r["state"] != "ready" for r in rows):
        sys.exit(1)


def cmd_shell(args, topo):
    host = require_running(topo, args.host)
    exec_interactive(host, args.command or ["bash"])


def cmd_capture(args, topo):
    if args.facing:
        require_host(topo, args.facing)
    host = require_running(topo, args.host)
    try:
        iface = capture.interface(topo, host, args.facing)
    except KeyError as e:
        raise PlaygroundError(f"{e.args[0]}; its neighbours are: "
                              f"{', '.join(topo.neighbours(host))}") from None
    bpf = " ".join(args.filter)
    if not args.write:
        exec_interactive(host, ["tcpdump", "-n", "-l", "-i", iface, *args.filter])
    cap = capture.Capture(host, iface, bpf, Path(args.write).resolve())
    cap.wait_listening()
    print(f"playground: capturing on {host} {iface}; Ctrl-C to stop", file=sys.stderr)
    try:
        time.sleep(args.seconds or 10**9)
    except KeyboardInterrupt:
        pass
    packets = cap.finish()
    print(f"playground: {len(packets)} packets written to {args.write}", file=sys.stderr)


def require_host(topo: Topology, name: str) -> str:
    if name not in topo.hosts:
        raise PlaygroundError(f"no host named {name!r}; the hosts are: {', '.join(topo.names)}")
    return name


def require_running(topo: Topology, name: str) -> str:
    host = require_host(topo, name)
    check_engine()
    if host not in lifecycle.running(topo):
        raise PlaygroundError(f"{host} is not running: start the playground with ./scripts/up")
    return host


def exec_interactive(host: str, argv: list[str]) -> None:
    """Become `docker exec` on host, with a terminal when we have one (Ctrl-C reaches argv)."""
    tty = ["-it"] if sys.stdin.isatty() else ["-i"]
    os.execvp("docker", ["docker", "exec", *tty, host, *argv])


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="playground", description="Network Playground commands.")
    sub = p.add_subparsers(dest="command", required=True)
    up = sub.add_parser("up", help="build (first time), start and check the whole network",
                        description="Start the playground: make the lab CA if absent, build the "
                        "images if absent, start the 12 hosts, wait until the network works end "
                        "to end and print a table of hosts. A quick no-op when already up.")
    up.add_argument("--build", action="store_true", help="rebuild the images and recreate hosts")
    up.add_argument("--new-ca", action="store_true",
                    help="make a new CA, certificates and SSH key, and roll them out")
    up.add_argument("--timeout", type=float, default=120, help="seconds to wait for readiness")
    up.set_defaults(func=cmd_up)
    down = sub.add_parser("down", help="stop and remove the hosts and their networks",
                          description="Remove the playground's containers and networks "
                          "(images and certificates stay). Fine when already down.")
    down.set_defaults(func=cmd_down)
    status = sub.add_parser("status", help="print the table of hosts; exit 1 unless all ready",
                            description="Print host, role, lab addresses and state of every "
                            "host. Exit status 0 only when every host is ready.")
    status.set_defaults(func=cmd_status)
    shell = sub.add_parser("shell", help="a shell (or a command) on a host",
                           description="Open bash on HOST, or run COMMAND there.")
    shell.add_argument("host", help="a host name from compose.yaml, e.g. h1")
    shell.add_argument("command", nargs=argparse.REMAINDER, help="command to run instead of bash")
    shell.set_defaults(func=cmd_shell)
    cap = sub.add_parser("capture", help="tcpdump on a host, live or into a pcap file",
                         description="Watch packets on HOST (all interfaces, or the one facing "
                         "NEIGHBOUR) live in the terminal, or with -w write them to a pcap "
                         "file on this machine, ready for Wireshark.")
    cap.add_argument("host", help="where to capture, e.g. isp")
    cap.add_argument("filter", nargs="*", help="a tcpdump filter, e.g. udp port 53")
    cap.add_argument("--facing", metavar="NEIGHBOUR", help="only the link towards this host")
    cap.add_argument("-w", "--write", metavar="FILE", help="write a pcap file here instead")
    cap.add_argument("--seconds", type=float, help="with -w: stop after this many seconds")
    cap.set_defaults(func=cmd_capture)
    draw = sub.add_parser("diagram", help="print the topology as a Mermaid diagram",
                          description="Print a Mermaid flowchart of hosts and links, drawn "
                          "from compose.yaml (README.md embeds it; GitHub renders it).")
    draw.set_defaults(func=lambda args, topo: print(diagram.mermaid(topo)))
    bench = sub.add_parser("bench", help="measure start-up, shut-down, idle CPU and memory",
                           description="Restart the playground while measuring: the floor of "
                           "starting bare containers, up from down, up when up, down, and the "
                           "idle CPU and memory of the running network. Prints figures and "
                           "ratios; asserts nothing.")
    bench.add_argument("--idle-seconds", type=float, default=10, help="idle sampling window")
    bench.set_defaults(func=lambda args, topo: benchmark.main(topo, args.idle_seconds))
    return p


def main(argv: list[str] | None = None) -> None:
    p = parser()
    args, extra = p.parse_known_args(argv)
    if extra and args.func is cmd_capture and not any(w.startswith("-") for w in extra):
        args.filter += extra   # the filter may come after the options, as with tcpdump
    elif extra:
        p.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        args.func(args, Topology())
    except PlaygroundError as e:
        sys.exit(f"playground: {e}")
    except KeyboardInterrupt:
        sys.exit("playground: interrupted")
