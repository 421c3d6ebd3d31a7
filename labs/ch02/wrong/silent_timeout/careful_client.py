"""Exercise 2, wrong: when no genuine reply comes in time it returns an empty reply instead
of failing, so the program prints a reply it never got and exits 0."""
from __future__ import annotations

import socket
import time

import udpkit


def wait_for_reply(sock: socket.socket, server: tuple[str, int], request_id: int,
                   timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        sock.settimeout(left)
        try:
            data, sender = sock.recvfrom(udpkit.MAX_DATAGRAM)
        except socket.timeout:
            break
        try:
            reply_id, text = udpkit.decode(data)
        except ValueError:
            continue
        if sender == server and reply_id == request_id:
            return text
        print(f"ignored a datagram from {udpkit.show(sender)}", flush=True)
    return ""
