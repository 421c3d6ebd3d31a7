#!/usr/bin/env python3
"""Decide, as a host's IP layer does, how each destination is reached (Exercise 2).

Given the host's interface (address/prefix) and its default gateway, each destination is
`local` (the host itself or loopback), `on-link` (same subnet: sent straight to it), or
`via GATEWAY` (anywhere else: handed to the router).
"""
import argparse
import ipaddress
import sys

LOOPBACK = ipaddress.ip_network("127.0.0.0/8")


def next_hop(interface, gateway, destination):
    """'local', 'on-link' or 'via GATEWAY' for destination; ValueError for an unusable gateway."""
    # TODO Exercise 2: implement this (see labs/ch01/README.md).
    raise NotImplementedError("Exercise 2: see labs/ch01/README.md")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("interface", help="the host's address with prefix, e.g. 192.168.1.11/24")
    parser.add_argument("gateway", help="the default gateway, e.g. 192.168.1.1")
    parser.add_argument("destination", nargs="+", help="addresses to route")
    args = parser.parse_args()
    try:
        interface = ipaddress.IPv4Interface(args.interface)
        gateway = ipaddress.IPv4Address(args.gateway)
        destinations = [ipaddress.IPv4Address(d) for d in args.destination]
    except ValueError as exc:
        sys.exit(f"route_check.py: {exc}")
    try:
        for destination in destinations:
            print(f"{destination} {next_hop(interface, gateway, destination)}")
    except ValueError as exc:
        sys.exit(f"route_check.py: {exc}")


if __name__ == "__main__":
    main()
