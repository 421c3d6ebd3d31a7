#!/usr/bin/env python3
"""Look at a network with the ipaddress module: its size, its ends, its subnets, its members."""
import argparse
import ipaddress

import labkit


def describe(network):
    print(f"network: {network} netmask {network.netmask}")
    total = network.num_addresses
    usable = total - 2 if total > 2 else total   # /31 and /32 have no network/broadcast pair
    print(f"addresses: {total}, usable hosts: {usable}")
    print(f"network address: {network.network_address}, broadcast: {network.broadcast_address}")
    print(f"private: {network.is_private}")


def split(network, prefix):
    for subnet in network.subnets(new_prefix=prefix):
        hosts = list(subnet.hosts())
        print(f"subnet {subnet}: hosts {hosts[0]}-{hosts[-1]}" if hosts else f"subnet {subnet}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("network", help="a network such as 192.168.1.0/24")
    parser.add_argument("--split", type=int, metavar="PREFIX", help="list the /PREFIX subnets")
    parser.add_argument("--member", nargs="*", default=[], metavar="ADDR",
                        help="say whether each address is in the network")
    args = parser.parse_args()
    try:
        network = ipaddress.ip_network(args.network)   # strict: host bits must be zero
        members = [ipaddress.ip_address(a) for a in args.member]
        if args.split is not None:
            next(network.subnets(new_prefix=args.split))   # a bad prefix fails before output
        describe(network)
        if args.split is not None:
            split(network, args.split)
    except ValueError as exc:
        labkit.fail(str(exc))
    for address in members:
        print(f"{address} {'in' if address in network else 'not in'} {network}")


if __name__ == "__main__":
    labkit.main(main)
