"""Exercise 2, wrong: only the network's usable host addresses are on-link; its broadcast
(and network) address is sent to the gateway."""


def next_hop(interface, gateway, destination):
    hosts = set(interface.network.hosts())
    if gateway not in hosts or gateway == interface.ip:
        raise ValueError(f"gateway {gateway} is not another host on {interface.network}")
    if destination == interface.ip or destination.is_loopback:
        return "local"
    if destination in hosts:
        return "on-link"
    return f"via {gateway}"
