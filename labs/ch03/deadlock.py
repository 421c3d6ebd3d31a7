"""A TCP deadlock, bounded: the client sends everything before it reads a single byte.

The server echoes every chunk in capitals. Once the client's receive buffer is full (window 0
on the wire) the server's sendall() blocks, so it stops reading; its own receive buffer fills
and the client's send blocks too. Nobody reads, nobody moves: after a few seconds without
progress each side gives up and says so. nodeadlock_client.py (Exercise 2) is the fix.
"""
import functools
import socket
import time

import labkit
from tcpkit import digest, echo_client, listen, serve_forever, small_buffers

PORT = 3001
STALL = 3.0   # seconds without progress that count as a deadlock (the client's --stall)
SERVER_STALL = 5.0   # longer: the client, which sees the deadlock, gives up first


def echo_upper(conn, peer):
    conn.settimeout(SERVER_STALL)
    echoed = []   # kept to report a digest the client can compare with
    try:
        while data := conn.recv(65536):
            conn.sendall(data.upper())
            echoed.append(data.upper())
    except TimeoutError:
        print(f"{peer[0]}:{peer[1]}: client stopped reading; gave up with "
              f"{sum(map(len, echoed))} bytes echoed", flush=True)
        return
    echoed = b"".join(echoed)
    print(f"{peer[0]}:{peer[1]}: echoed {len(echoed)} bytes, sha256 {digest(echoed)}",
          flush=True)   # before the FIN, so the report is there once the client is done
    conn.shutdown(socket.SHUT_WR)   # all echoed: tell the client there is no more


def send_then_read(sock, data, stall=STALL):
    """The naive client: sendall first, read afterwards. Returns what it read."""
    sent, start = 0, time.monotonic()
    sock.settimeout(stall)
    try:
        for sent in range(0, len(data), 65536):
            sock.sendall(data[sent:sent + 65536])
    except TimeoutError:
        labkit.fail(f"deadlock: neither side is reading (sent about {sent} of {len(data)} "
                    f"bytes, no progress for {stall:g} s after "
                    f"{time.monotonic() - start:.1f} s)")
    sock.shutdown(socket.SHUT_WR)
    received = b""
    while more := sock.recv(65536):
        received += more
    return received


def main():
    parser = labkit.roles(__doc__, PORT, host="www")
    parser.add_argument("--size", type=labkit.positive, default=4_000_000,
                        help="bytes the client sends")
    parser.add_argument("--stall", type=labkit.seconds, default=STALL,
                        help="the client's seconds without progress before it gives up "
                             "(default %(default)s; the server gives up after "
                             f"{SERVER_STALL:g})")
    args = labkit.parse_roles(parser)
    if args.role == "server":
        sock = listen("", args.port)
        small_buffers(sock)   # accepted sockets inherit the listening socket's buffers
        serve_forever(sock, echo_upper)
        return
    echo_client(args.host, args.port, args.size,
                functools.partial(send_then_read, stall=args.stall))


if __name__ == "__main__":
    labkit.main(main)
