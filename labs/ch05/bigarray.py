#!/usr/bin/env python3
"""Send a large array of numbers without copying it: sendall(memoryview) out, recv_into in.

    python3 /labs/ch05/bigarray.py server                        # on www
    python3 /labs/ch05/bigarray.py client www --count 2000000    # 16 MB of doubles

The header is 9 bytes in network byte order (struct '!Qc': the element count and the sender's
byte order, b'<' or b'>'); the array follows in the SENDER's byte order, raw, and the receiver
swaps it if its own order differs. The server answers with the sum it computed ('!d').
"""
import array
import socket
import struct
import sys

import labkit
from wire import recv_into_exactly, serve_forever, talking_to

PORT = 5002
HEADER = struct.Struct("!Qc")
REPLY = struct.Struct("!d")
ORDER = b"<" if sys.byteorder == "little" else b">"
MAX_COUNT = 50_000_000   # 400 MB: refuse a header that asks for more memory than that


def parse_args():
    parser = labkit.roles(__doc__, PORT, timeout=30.0)
    parser.add_argument("--count", type=int, default=1_000_000,
                        help="client: how many doubles to send (default 1000000)")
    args = labkit.parse_roles(parser)
    if not 0 <= args.count <= MAX_COUNT:
        parser.error(f"--count must be between 0 and {MAX_COUNT}")
    return args


def receive_array(conn, peer):
    header = bytearray(HEADER.size)
    recv_into_exactly(conn, memoryview(header))
    count, order = HEADER.unpack(header)
    if count > MAX_COUNT or order not in (b"<", b">"):
        raise ValueError(f"bad header {bytes(header).hex(' ')}")
    values = array.array("d", bytes(8 * count))      # allocated once, filled in place
    calls = recv_into_exactly(conn, memoryview(values).cast("B"))
    if order != ORDER:
        values.byteswap()
    total = sum(values)
    conn.sendall(REPLY.pack(total))
    print(f"{peer[0]}:{peer[1]}: {count} doubles ({8 * count} bytes, sender order {order!r}) "
          f"in {calls} recv_into calls, sum {total!r}", flush=True)


def client(args):
    values = array.array("d", (i * 0.5 for i in range(args.count)))
    with talking_to(args.host, args.port):
        with socket.create_connection((args.host, args.port), timeout=args.timeout) as sock:
            sock.sendall(HEADER.pack(args.count, ORDER))
            sock.sendall(memoryview(values))   # the array's own buffer: no bytes copy made
            reply = bytearray(REPLY.size)
            recv_into_exactly(sock, memoryview(reply))
    (remote,) = REPLY.unpack(reply)
    local = sum(values)
    verdict = "matches" if remote == local else f"DIFFERS from ours, {local!r}"
    print(f"sent {args.count} doubles ({8 * args.count} bytes); the server's sum {remote!r} "
          f"{verdict}")
    if remote != local:
        sys.exit(1)


def main():
    args = parse_args()
    if args.role == "server":
        serve_forever(args.port, receive_array, "array receiver")
    else:
        client(args)


if __name__ == "__main__":
    labkit.main(main)
