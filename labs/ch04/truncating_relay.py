"""A DNS relay that truncates every UDP answer, so that clients must retry over TCP.

The lab zone's answers are all far below 512 bytes and BIND will not truncate below that, so
the real server never sets TC. This relay does, on purpose, to exercise a client's fallback:

    python3 /labs/ch04/truncating_relay.py --port 4053                       # on h2
    python3 /labs/ch04/dns_query.py --server h2 --port 4053 example.com TXT  # on h1

Over UDP it answers with the TC flag and an empty answer; over TCP it asks the lab DNS (over
TCP too) and relays the full answer.
"""
import argparse
import selectors
import socket
import struct

import dns.exception
import dns.flags
import dns.message
import dns.query

import labkit
from dnslab import NETWORK_ERRORS, explain, server_address

PORT = 4053


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=labkit.port, default=PORT,
                        help=f"UDP and TCP port (default {PORT})")
    parser.add_argument("--upstream", help="DNS server to relay TCP queries to "
                                           "(default: the nameserver in /etc/resolv.conf)")
    return parser.parse_args()


def listen(port):
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        udp.bind(("", port))
        tcp.bind(("", port))
    except OSError as exc:
        labkit.fail(f"cannot listen on port {port}: {exc.strerror}")
    tcp.listen(5)
    return udp, tcp


def truncate(udp):
    """Answer one UDP query with TC set and nothing else: 'ask me again over TCP'."""
    data, client = udp.recvfrom(65535)
    try:
        query = dns.message.from_wire(data)
    except dns.exception.DNSException:
        return
    reply = dns.message.make_response(query)
    reply.flags |= dns.flags.TC
    udp.sendto(reply.to_wire(), client)
    print(f"UDP {client[0]}:{client[1]} {query.question[0].name} -> truncated (TC)", flush=True)


def relay(conn, client, upstream):
    """Serve one TCP client: each query (2-byte length prefix) goes upstream over TCP."""
    conn.settimeout(5)
    with conn:
        while True:
            try:
                query, _ = dns.query.receive_tcp(conn)
            except (EOFError, OSError, dns.exception.DNSException):
                return   # the client is done, or gone
            try:
                answer = dns.query.tcp(query, upstream, timeout=5)
            except NETWORK_ERRORS as exc:
                print(f"TCP {client[0]}: {explain(exc, upstream)}", flush=True)
                return
            wire = answer.to_wire()
            conn.sendall(struct.pack("!H", len(wire)) + wire)
            print(f"TCP {client[0]}:{client[1]} {query.question[0].name} -> "
                  f"{len(answer.answer)} RRsets relayed from {upstream}", flush=True)


def main():
    args = parse_args()
    upstream = server_address(args.upstream)
    udp, tcp = listen(args.port)
    print(f"truncating relay on UDP and TCP port {args.port}, upstream {upstream}", flush=True)
    events = selectors.DefaultSelector()
    events.register(udp, selectors.EVENT_READ)
    events.register(tcp, selectors.EVENT_READ)
    while True:
        for key, _ in events.select():
            if key.fileobj is udp:
                truncate(udp)
            else:
                relay(*tcp.accept(), upstream)


if __name__ == "__main__":
    labkit.main(main)
