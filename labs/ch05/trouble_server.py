#!/usr/bin/env python3
"""A server that behaves well or badly on purpose, to show the errors a client must handle.

    python3 /labs/ch05/trouble_server.py --mode ok --port 5020      # on www
    python3 /labs/ch05/trouble_server.py --mode reset --port 5021
    python3 /labs/ch05/trouble_server.py --mode silent --port 5022

Each reads one request line, then
  ok:     answers with some lines of text, the first on its own and the rest a moment later
          (as a busy server might), and closes (the FIN ends the answer);
  reset:  aborts the connection: close with SO_LINGER zero sends a RST instead of a FIN;
  silent: never answers, and waits for the client to give up.
"""
import argparse
import socket
import struct
import time

import labkit
from wire import serve_forever


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=["ok", "reset", "silent"], default="ok")
    parser.add_argument("--port", type=labkit.port, default=5020, help="TCP port (default 5020)")
    parser.add_argument("--lines", type=labkit.positive, default=400,
                        help="ok: lines in the answer")
    return parser.parse_args()


def read_request(conn):
    """The first line the client sends (up to 1 KB), or whatever came before it closed."""
    data = b""
    while b"\n" not in data and len(data) < 1024:
        chunk = conn.recv(1024)
        if not chunk:
            break
        data += chunk
    return data.split(b"\n")[0].decode(errors="replace")


def handler(mode, lines):
    def handle(conn, peer):
        request = read_request(conn)
        print(f"{peer[0]}:{peer[1]} asked {request!r}; mode {mode}", flush=True)
        if mode == "ok":
            text = "".join(f"line {n} of {lines} for {request}\n" for n in range(1, lines + 1))
            first, rest = text.encode().split(b"\n", 1)
            conn.sendall(first + b"\n")
            time.sleep(0.2)   # a reader must not take a pause, or a short recv(), for the end
            conn.sendall(rest)
        elif mode == "reset":
            # Linger on, timeout 0: close() drops unsent data and sends RST at once.
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        else:
            while conn.recv(1024):   # say nothing until the client hangs up
                pass
    return handle


def main():
    args = parse_args()
    serve_forever(args.port, handler(args.mode, args.lines), f"trouble server ({args.mode})")


if __name__ == "__main__":
    labkit.main(main)
