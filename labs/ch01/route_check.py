#!/usr/bin/env python3
"""Decide, as a host's IP layer does, how each destination is reached (Exercise 2).

The student writes next_hop() in exercises/route_check.py; this program reads the command
line, asks next_hop() about each destination and prints `DESTINATION ANSWER` lines.
"""
import argparse
import ipaddress

import labkit

next_hop = labkit.answer("route_check").next_hop


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
        for destination in destinations:
            print(f"{destination} {next_hop(interface, gateway, destination)}")
    except ValueError as exc:   # a malformed argument, or a gateway next_hop() refuses
        labkit.fail(str(exc))


if __name__ == "__main__":
    labkit.main(main)
