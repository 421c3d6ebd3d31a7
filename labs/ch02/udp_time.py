#!/usr/bin/env python3
"""A UDP time service built on socketserver, and a client that compares clocks.

    www$ python3 udp_time.py server             # socketserver.UDPServer on port 2050
    h1$  python3 udp_time.py client www

socketserver does the receive loop; the handler gets the datagram and the socket as
self.request and the sender as self.client_address. Each answer carries the request's ID and
the server's clock as seconds since the epoch; the client shows the difference from its own
clock, corrected by half the round trip.
"""
from __future__ import annotations

import argparse
import socket
import socketserver
import time
from datetime import datetime, timezone

import labkit
import udpkit


class TimeHandler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        data, sock = self.request          # UDP: (datagram, the server's socket)
        try:
            request_id, _ = udpkit.decode(data)
        except ValueError:
            return                         # not ours: no answer, so no amplification
        sock.sendto(udpkit.encode(request_id, f"{time.time():.6f}"), self.client_address)
        print(f"told {udpkit.show(self.client_address)} the time", flush=True)


def serve(port: int) -> None:
    with socketserver.UDPServer(("", port), TimeHandler) as server:
        print(f"listening at {udpkit.show(server.server_address)}", flush=True)
        server.serve_forever()


def ask(host: str, port: int, timeout: float) -> None:
    server = udpkit.resolve(host, port)
    request_id = udpkit.new_request_id()
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.connect(server)    # the kernel drops datagrams from anyone else
    sock.settimeout(timeout)
    sent = time.time()
    sock.send(udpkit.encode(request_id, "time?"))
    try:
        while True:
            reply_id, text = udpkit.decode(sock.recv(udpkit.MAX_DATAGRAM))
            if reply_id == request_id:
                break
    except (socket.timeout, ConnectionRefusedError):
        labkit.fail(f"no answer from {udpkit.show(server)} within {timeout} s "
                    "(is `udp_time.py server` running there?)")
    except ValueError:
        labkit.fail(f"{udpkit.show(server)} does not speak this protocol")
    received = time.time()
    theirs = float(text)
    offset = theirs - (sent + received) / 2
    stamp = datetime.fromtimestamp(theirs, timezone.utc).isoformat(timespec="milliseconds")
    print(f"server time: {theirs:.6f} ({stamp})")
    print(f"round trip {1000 * (received - sent):.1f} ms; their clock minus ours: "
          f"{offset:+.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description="UDP time server (socketserver) and client.")
    sub = parser.add_subparsers(dest="role", required=True)
    srv = sub.add_parser("server", help="answer time requests")
    srv.add_argument("--port", type=labkit.port, default=udpkit.TIME_PORT,
                     help="port (default: %(default)s)")
    cli = sub.add_parser("client", help="ask a server for the time")
    cli.add_argument("host", help="server name or address, e.g. www")
    cli.add_argument("--port", type=labkit.port, default=udpkit.TIME_PORT,
                     help="server port (default: %(default)s)")
    cli.add_argument("--timeout", type=labkit.seconds, default=2.0,
                     help="how long to wait (default: %(default)s s)")
    args = parser.parse_args()
    if args.role == "server":
        serve(args.port)
    else:
        ask(args.host, args.port, args.timeout)


if __name__ == "__main__":
    labkit.main(main)
