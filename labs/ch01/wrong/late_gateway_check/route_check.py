"""Exercise 2, wrong: the gateway is checked only when a destination needs it, so an unusable
gateway passes as long as every destination is local or on-link."""


def next_hop(interface, gateway, destination):
    if destination == interface.ip or destination.is_loopback:
        return "local"
    if destination in interface.network:
        return "on-link"
    if gateway not in interface.network or gateway == interface.ip:
        raise ValueError(f"gateway {gateway} is not another address on {interface.network}")
    return f"via {gateway}"
