#!/usr/bin/env python3
"""Exercise 2, the reference solution: how each destination is reached.

The command line and the one-line errors are in labs/ch01/route_check_main.py.
"""
import ipaddress
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter folder
from route_check_main import main  # noqa: E402

LOOPBACK = ipaddress.ip_network("127.0.0.0/8")


def next_hop(interface, gateway, destination):
    """'local', 'on-link' or 'via GATEWAY' for destination; ValueError for an unusable gateway."""
    if gateway not in interface.network or gateway == interface.ip:
        raise ValueError(f"gateway {gateway} is not reachable on {interface.network}"
                         f" (it must be another address on the interface's subnet)")
    if destination == interface.ip or destination in LOOPBACK:
        return "local"
    if destination in interface.network:
        return "on-link"
    return f"via {gateway}"


if __name__ == "__main__":
    main(next_hop=next_hop)
