#!/usr/bin/env python3
"""Exercise 2, a reference solution: only a datagram from the server's address that carries
the request's ID is the reply. The program around this function is ../careful_client_main.py.
"""
from __future__ import annotations

import socket
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter folder
import udpkit  # noqa: E402
from careful_client_main import main  # noqa: E402


def wait_for_reply(sock: socket.socket, server: tuple[str, int], request_id: int,
                   timeout: float) -> str:
    """The server's reply to request_id; strays reported and skipped; udpkit.fail on timeout."""
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        sock.settimeout(left)
        try:
            data, sender = sock.recvfrom(udpkit.MAX_DATAGRAM)
        except socket.timeout:
            break
        if sender != server:
            print(f"ignored a datagram from {udpkit.show(sender)}: not the server", flush=True)
            continue
        try:
            reply_id, text = udpkit.decode(data)
        except ValueError:
            reply_id, text = None, ""
        if reply_id == request_id:
            return text
        print(f"ignored a datagram from the server: not a reply to {request_id:08x}",
              flush=True)
    udpkit.fail(f"no reply from {udpkit.show(server)} within {timeout} s")


if __name__ == "__main__":
    main(wait_for_reply)
