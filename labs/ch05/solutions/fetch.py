#!/usr/bin/env python3
"""Our solution to Exercise 2 (labs/ch05/README.md): reading until the server closes, and one
clear line for each network failure. The rest of the client is in labs/ch05/fetch_main.py:

    python3 /labs/ch05/solutions/fetch.py www 5020                  # trouble_server.py --mode ok
    python3 /labs/ch05/solutions/fetch.py www 5022 --timeout 2      # --mode silent
"""
import os
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # labs/ch05
from fetch_main import main  # noqa: E402


def receive_all(sock):
    """Everything the server sends until it closes the connection (framing by closing)."""
    chunks = []
    while True:
        data = sock.recv(4096)
        if not data:   # b'': the server's FIN, the answer is complete
            return b"".join(chunks)
        chunks.append(data)


def explain(exc, host, port, timeout):
    """One line that says what went wrong, in the user's terms."""
    where = f"{host} port {port}"
    if isinstance(exc, socket.gaierror):
        # gaierror codes are EAI_* values, not errno: the name lookup itself failed.
        return f"cannot find host {host!r}: {exc.strerror} (name lookup failed)"
    if isinstance(exc, ConnectionRefusedError):
        return f"{where} refused the connection: nothing listens there"
    if isinstance(exc, ConnectionResetError):
        return f"{where} reset the connection (RST) before the answer was complete"
    if isinstance(exc, TimeoutError):   # socket.timeout is TimeoutError since Python 3.10
        return f"{where} did not answer within {timeout} s (timed out)"
    return f"network error with {where}: {exc.strerror or exc}"


if __name__ == "__main__":
    main(receive_all=receive_all, explain=explain)
