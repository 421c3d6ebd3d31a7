#!/usr/bin/env python3
"""Exercise 2: on-link or via the gateway? (labs/ch01/README.md, section 'Exercise 2').

Write next_hop() below. The rest is done, in labs/ch01/route_check_main.py: main() reads
the command line, calls your next_hop() for each destination and prints the answers.

    h1$ cd /labs/ch01/exercises
    h1$ python3 route_check.py 192.168.1.11/24 192.168.1.1 192.168.1.12 10.130.1.4
    192.168.1.12 on-link
    10.130.1.4 via 192.168.1.1
"""
import ipaddress
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter folder
from route_check_main import main  # noqa: E402

LOOPBACK = ipaddress.ip_network("127.0.0.0/8")


def next_hop(interface, gateway, destination):
    """'local', 'on-link' or 'via GATEWAY' for destination; ValueError for an unusable gateway.

    interface is an ipaddress.IPv4Interface (e.g. 192.168.1.11/24), gateway and destination
    are IPv4Address. Return "local" for the interface's own address or any address in
    LOOPBACK, "on-link" for any other address in interface.network (broadcast included),
    f"via {gateway}" for everything else. Raise ValueError, naming the gateway's address,
    when the gateway is not another address on the interface's subnet.
    """
    raise NotImplementedError("Exercise 2: see labs/ch01/README.md")


if __name__ == "__main__":
    main(next_hop=next_hop)
