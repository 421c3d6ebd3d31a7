"""Exercise 2, wrong: only 127.0.0.1 counts as loopback; the rest of 127.0.0.0/8 goes to the
gateway."""
import ipaddress

LOCALHOST = ipaddress.IPv4Address("127.0.0.1")


def next_hop(interface, gateway, destination):
    if gateway not in interface.network or gateway == interface.ip:
        raise ValueError(f"gateway {gateway} is not another address on {interface.network}")
    if destination in (interface.ip, LOCALHOST):
        return "local"
    if destination in interface.network:
        return "on-link"
    return f"via {gateway}"
