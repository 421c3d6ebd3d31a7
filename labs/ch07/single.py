"""The qa protocol served by one thread, one client at a time: while it talks to one client,
every other client waits (its connection sits in the listen backlog, handshake done).

    www$ python3 /labs/ch07/single.py            # port 7001
"""
import argparse
import socket

import labkit

import qa

PORT = 7001


def converse(conn: socket.socket) -> None:
    """Answer questions until the client closes (or sends a line that is too long)."""
    while True:
        try:
            line = labkit.recv_line(conn, qa.MAX_LINE)
        except (EOFError, ValueError):
            return
        conn.sendall(qa.answer(line))


def serve(port: int) -> None:
    listener = socket.create_server(("", port), backlog=qa.BACKLOG)
    while True:
        conn, address = listener.accept()
        with conn:
            try:
                converse(conn)
            except OSError as exc:        # one client's reset must not end the server
                print(f"{address[0]}:{address[1]}: {exc}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    serve(parser.parse_args().port)


if __name__ == "__main__":
    labkit.main(main)
