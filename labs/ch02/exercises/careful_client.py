#!/usr/bin/env python3
"""Exercise 2: a careful client that only believes the server (labs/ch02/README.md,
"Exercise 2").

YOUR TASK: write wait_for_reply() below; its docstring says what to do. The rest of the
program (the arguments, binding port 2021, sending the request, printing
`reply from SERVER: TEXT`) is ../careful_client_main.py: leave it as it is.

    www$ python3 /labs/ch02/udp_remote.py server --delay 3
    h1$  python3 /labs/ch02/exercises/careful_client.py www "hello"
    h2$  python3 /labs/ch02/udp_stray.py stray 192.168.1.11 2021 "I am not the server"
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
    """TODO Exercise 2: return the text of the server's reply to request_id; report and skip
    strays; end with an error if no genuine reply arrives within `timeout` seconds.

    recvfrom (udpkit.MAX_DATAGRAM) in a loop until `timeout` runs out: print a line for, and
    skip, every datagram whose sender is not `server` (the address as recvfrom reports it)
    or whose ID (udpkit.decode) is not request_id; return the first genuine reply's text;
    on timeout, udpkit.fail(...).
    """
    raise NotImplementedError("Exercise 2: see labs/ch02/README.md")


if __name__ == "__main__":
    main(wait_for_reply)
