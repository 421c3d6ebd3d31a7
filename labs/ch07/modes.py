"""Blocking, timeout and non-blocking sockets, side by side, on one connection to a qa server
that has nothing to say until asked.

    h1$ python3 /labs/ch07/modes.py www --port 7001
"""
import argparse
import select
import socket
import time

import labkit


def timed(what: str, call) -> None:
    start = time.monotonic()
    try:
        outcome = f"returned {call()!r}"
    except (TimeoutError, BlockingIOError) as exc:
        outcome = f"raised {type(exc).__name__}"
    print(f"{what}: {outcome} after {time.monotonic() - start:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("host")
    parser.add_argument("--port", type=labkit.port, default=7001)
    parser.add_argument("--wait", type=labkit.seconds, default=1.0)
    args = parser.parse_args()
    with socket.create_connection((args.host, args.port)) as sock:
        print(f"a new socket blocks: gettimeout() = {sock.gettimeout()}")
        sock.settimeout(args.wait)             # blocking, but for at most args.wait
        timed(f"settimeout({args.wait:g}); recv()", lambda: sock.recv(100))
        sock.setblocking(False)                # the same as settimeout(0.0)
        timed(f"setblocking(False), gettimeout() = {sock.gettimeout()}; recv()",
              lambda: sock.recv(100))
        timed(f"select() with timeout {args.wait:g}",
              lambda: select.select([sock], [], [], args.wait)[0])
        sock.sendall(b"are you there?\n")
        timed("after sending a question, select()",
              lambda: len(select.select([sock], [], [], args.wait)[0]))
        timed("recv()", lambda: sock.recv(100))


if __name__ == "__main__":
    labkit.main(main)
