"""Exercise 2, wrong: the host's own address is accepted as its gateway (it is on the subnet,
but a host cannot hand packets to itself to route them)."""


def next_hop(interface, gateway, destination):
    if gateway not in interface.network:
        raise ValueError(f"gateway {gateway} is not on {interface.network}")
    if destination == interface.ip or destination.is_loopback:
        return "local"
    if destination in interface.network:
        return "on-link"
    return f"via {gateway}"
