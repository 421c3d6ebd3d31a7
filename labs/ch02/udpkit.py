"""Small helpers shared by the chapter 2 (UDP) programs.

Ports (chapter 2 owns 2000-2099), the request format with request IDs, name resolution with
one-line errors, and a `main` wrapper so that no program ends in a traceback.
"""
from __future__ import annotations

import argparse
import random
import socket
import sys
from typing import Callable, NoReturn

LOCAL_PORT = 2000       # udp_local.py, loopback only
REMOTE_PORT = 2010      # udp_remote.py server; backoff and careful clients talk to it
STRAY_PORT = 2021       # the fixed port of the naive/careful clients, so a stray can find it
BROADCAST_PORT = 2030   # udp_broadcast.py and the broadcast listener
MTU_PORT = 2040         # udp_mtu.py's target port (nothing needs to listen)
TIME_PORT = 2050        # udp_time.py (socketserver)

MAX_DATAGRAM = 65535    # a UDP payload can never be larger; recvfrom with less may truncate


def fail(message: str, status: int = 1) -> NoReturn:
    """Exit with one line on stderr: what went wrong, never a traceback."""
    print(f"error: {message}", file=sys.stderr)
    sys.exit(status)


def run(main: Callable[[], None]) -> None:
    """Run a program's main(): Ctrl-C ends it quietly, socket errors become one line."""
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
    except NotImplementedError as exc:   # an exercise stub not yet completed
        fail(f"not implemented yet: {exc}")
    except OSError as exc:
        fail(exc.strerror or str(exc))


def port(text: str) -> int:
    """argparse type: a UDP port number."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError(f"port out of range 1-65535: {value}")
    return value


def seconds(text: str) -> float:
    """argparse type: a positive duration in seconds."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds: {text}")
    return value


def resolve(host: str, port_: int) -> tuple[str, int]:
    """The (IPv4 address, port) pair that recvfrom() will report for this host."""
    try:
        info = socket.getaddrinfo(host, port_, socket.AF_INET, socket.SOCK_DGRAM)
    except socket.gaierror as exc:
        fail(f"cannot resolve {host!r}: {exc.strerror}")
    return info[0][4]


def show(address: tuple[str, int]) -> str:
    return f"{address[0]}:{address[1]}"


# Requests and replies of udp_remote.py carry an 8-hex-digit request ID first, so that a
# client can tell the answer to ITS request from a late duplicate or a stranger's datagram.

def new_request_id() -> int:
    """A random start, so that two runs of a client never expect the same IDs."""
    return random.randrange(1 << 32)


def encode(request_id: int, text: str) -> bytes:
    return f"{request_id & 0xFFFFFFFF:08x} {text}".encode()


def decode(data: bytes) -> tuple[int, str]:
    """(request ID, text); ValueError if the datagram is not in this format."""
    head, _, text = data.partition(b" ")
    if len(head) != 8:
        raise ValueError("no request ID")
    return int(head, 16), text.decode("utf-8", errors="replace")
