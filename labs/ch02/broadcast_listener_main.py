"""The program around Exercise 3 (exercises/ and solutions/broadcast_listener.py): the
command line. The student writes listen(); main() gets it.

Run it through the exercise or the solution, not directly:

    h2$ python3 /labs/ch02/exercises/broadcast_listener.py    # and on h3, h4
    h1$ python3 /labs/ch02/udp_broadcast.py      # h2 and h3 answer, h4 never hears it

For every datagram it prints `heard from ADDRESS:PORT: TEXT` and answers the sender, by
unicast, with its host name. It runs until stopped (Ctrl-C).
"""
from __future__ import annotations

import argparse
from typing import Callable

import udpkit


def main(listen: Callable[[int], None]) -> None:
    """Run the listener with this listen(port), errors as one line (udpkit.run)."""
    udpkit.run(lambda: _listener(listen))


def _listener(listen: Callable[[int], None]) -> None:
    parser = argparse.ArgumentParser(description="Listen for UDP broadcasts and answer them.")
    parser.add_argument("--port", type=udpkit.port, default=udpkit.BROADCAST_PORT,
                        help="port (default: %(default)s)")
    listen(parser.parse_args().port)
