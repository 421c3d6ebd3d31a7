"""The program around Exercise 2 (exercises/ and solutions/route_check.py): the command line
and the one-line errors. The student writes next_hop(); main() gets it.

Run it through the exercise or the solution, not directly:

    h1$ python3 /labs/ch01/exercises/route_check.py 192.168.1.11/24 192.168.1.1 10.130.1.4
"""
import argparse
import ipaddress
import sys

DESCRIPTION = "Decide, as a host's IP layer does, how each destination is reached (Exercise 2)."


def main(next_hop):
    """Parse interface, gateway and destinations; print `DESTINATION ANSWER` for each."""
    parser = argparse.ArgumentParser(description=DESCRIPTION)
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
