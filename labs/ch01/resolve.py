#!/usr/bin/env python3
"""Resolve a host name to addresses, as every client does before it can connect."""
import argparse
import socket

import labkit


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("name", nargs="?", default="www.example.com",
                        help="host name to resolve (default: %(default)s)")
    parser.add_argument("--port", default="http", help="service or port for getaddrinfo")
    args = parser.parse_args()
    try:
        # The old IPv4-only call: one address, whatever the name has.
        print(f"gethostbyname: {socket.gethostbyname(args.name)}")
        # The modern call: every (family, type, address) a client could try, in order.
        infos = socket.getaddrinfo(args.name, args.port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        labkit.fail(f"cannot resolve {args.name!r}: {exc.strerror}")
    except OSError as exc:   # e.g. an unknown service name
        labkit.fail(str(exc))
    for family, socktype, _proto, canonname, sockaddr in infos:
        print(f"getaddrinfo: {family.name} {socktype.name} {sockaddr[0]} port {sockaddr[1]}")


if __name__ == "__main__":
    labkit.main(main)
