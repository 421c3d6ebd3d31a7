"""A server on one socket for both families that tells each caller what it sees of them.

    python3 /labs/ch04/caller.py 4090          # on www; then from h1:
    nc -4 www 4090    nc -6 www 4090

Each caller gets one line back, `you are ADDRESS port N over IPv4|IPv6`, and the server prints
the same with the raw address it got: an IPv4 caller reaches an IPv6 socket as an
IPv4-mapped address (::ffff:10.25.1.65). Over IPv4 a home's callers are its modem's address;
over IPv6 each is itself.
"""
import argparse
import ipaddress
import socket

import labkit


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("port", type=labkit.port)
    return parser.parse_args()


def describe(raw):
    """(address as the caller would name it, family) from an IPv6 socket's peer address."""
    address = ipaddress.IPv6Address(raw)
    if address.ipv4_mapped:
        return str(address.ipv4_mapped), "IPv4"
    return str(address), "IPv6"


def main():
    port = parse_args().port
    # dualstack_ipv6 clears IPV6_V6ONLY: one socket takes both families.
    with socket.create_server(("", port), family=socket.AF_INET6, dualstack_ipv6=True) as srv:
        print(f"listening on [::]:{port} for IPv4 and IPv6", flush=True)
        while True:
            conn, peer = srv.accept()
            with conn:
                address, family = describe(peer[0])
                line = f"you are {address} port {peer[1]} over {family}"
                print(f"{line} (the socket says {peer[0]})", flush=True)
                conn.sendall(line.encode() + b"\n")


if __name__ == "__main__":
    labkit.main(main)
