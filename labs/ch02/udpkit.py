"""What the chapter 2 (UDP) programs share beyond labkit: their ports (chapter 2 owns
2000-2099), the request format with request IDs, and addresses as recvfrom() reports them.
"""
from __future__ import annotations

import random
import socket

import labkit

LOCAL_PORT = 2000       # udp_local.py, loopback only
REMOTE_PORT = 2010      # udp_remote.py server; backoff and careful clients talk to it
STRAY_PORT = 2021       # the fixed port of the naive/careful clients, so a stray can find it
BROADCAST_PORT = 2030   # udp_broadcast.py and the broadcast listener
MTU_PORT = 2040         # udp_mtu.py's target port (nothing needs to listen)
TIME_PORT = 2050        # udp_time.py (socketserver)

MAX_DATAGRAM = 65535    # a UDP payload can never be larger; recvfrom with less may truncate


class GaveUp(Exception):
    """No reply to one request within the give-up time (Exercise 1's exchange() raises it)."""


def resolve(host: str, port: int) -> tuple[str, int]:
    """The (IPv4 address, port) pair that recvfrom() will report for this host."""
    try:
        info = socket.getaddrinfo(host, port, socket.AF_INET, socket.SOCK_DGRAM)
    except socket.gaierror as exc:
        labkit.fail(f"cannot resolve {host!r}: {exc.strerror}")
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
