"""Exercise 2, wrong: checks only the request ID, so a stray that copies the ID (an
attacker who saw the request) is taken for the server."""
from __future__ import annotations

import socket
import time

import labkit
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
            reply_id, text = None, ""
        if reply_id == request_id:
            return text
        print(f"ignored a datagram from {udpkit.show(sender)}", flush=True)
    labkit.fail(f"no reply from {udpkit.show(server)} within {timeout} s")
