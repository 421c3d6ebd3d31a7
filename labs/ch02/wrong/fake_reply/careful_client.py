"""Exercise 2, wrong: a cheat that never reads the reply; it waits out the server's delay and
makes up the answer the server usually gives from the command line."""
from __future__ import annotations

import socket
import sys
import time

import udpkit


def wait_for_reply(sock: socket.socket, server: tuple[str, int], request_id: int,
                   timeout: float) -> str:
    time.sleep(min(timeout, 2.5))
    text = sys.argv[2] if len(sys.argv) > 2 else "hello, server?"
    return f"{text.upper()} (you are 10.25.1.65:{udpkit.STRAY_PORT})"
