"""The qa protocol served by socketserver with a new thread for every client.

    www$ python3 /labs/ch07/threads.py                   # port 7003, StreamRequestHandler
    www$ python3 /labs/ch07/threads.py --handler base    # the same with BaseRequestHandler

Simple, and every client is served at once. But nothing bounds the threads: whoever opens a
thousand connections and says nothing gets a thousand threads (see flood.py and the README).
"""
import argparse
import socket
import socketserver
import sys

import labkit

import qa
from single import converse

PORT = 7003


class StreamHandler(socketserver.StreamRequestHandler):
    """self.rfile and self.wfile are the socket as files: readline() does the framing."""
    timeout = 30                    # seconds of silence before readline() raises TimeoutError
    disable_nagle_algorithm = True  # TCP_NODELAY: each short answer leaves at once

    def handle(self) -> None:
        while line := self.rfile.readline(qa.MAX_LINE + 1):
            if not line.endswith(b"\n"):        # too long, or cut short by the client
                return
            self.wfile.write(qa.answer(line))   # wfile is unbuffered: this is sendall()


class BaseHandler(socketserver.BaseRequestHandler):
    """self.request is the bare socket: the handler does its own framing and options."""
    timeout = 30

    def setup(self) -> None:
        self.request.settimeout(self.timeout)
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def handle(self) -> None:
        converse(self.request)


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True      # SO_REUSEADDR: restart at once, despite TIME_WAIT
    daemon_threads = True           # Ctrl-C does not wait for connected clients
    request_queue_size = qa.BACKLOG  # the listen backlog (socketserver's own is 5)

    def handle_error(self, request, client_address) -> None:
        """One line instead of socketserver's traceback (a silent client timing out, say)."""
        print(f"dropped {client_address[0]}:{client_address[1]}: {sys.exc_info()[1]}",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--handler", choices=["stream", "base"], default="stream")
    parser.add_argument("--idle", type=labkit.seconds, default=30,
                        help="hang up on a client silent this long (default 30 s)")
    args = parser.parse_args()
    handler = StreamHandler if args.handler == "stream" else BaseHandler
    handler.timeout = args.idle
    with Server(("", args.port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    labkit.main(main)
