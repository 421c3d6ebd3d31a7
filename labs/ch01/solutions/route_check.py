"""Exercise 2, the reference solution: how each destination is reached."""


def next_hop(interface, gateway, destination):
    """'local', 'on-link' or 'via GATEWAY' for destination; ValueError for an unusable gateway."""
    if gateway not in interface.network or gateway == interface.ip:
        raise ValueError(f"gateway {gateway} is not reachable on {interface.network}"
                         f" (it must be another address on the interface's subnet)")
    if destination == interface.ip or destination.is_loopback:
        return "local"
    if destination in interface.network:
        return "on-link"
    return f"via {gateway}"
