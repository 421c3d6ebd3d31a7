"""Exercise 2: on-link or via the gateway? (labs/ch01/README.md).

    h1$ python3 /labs/ch01/route_check.py 192.168.1.11/24 192.168.1.1 192.168.1.12 10.130.1.4
    192.168.1.12 on-link
    10.130.1.4 via 192.168.1.1
"""


def next_hop(interface, gateway, destination):
    """TODO: 'local', 'on-link' or 'via GATEWAY' for destination; ValueError for an unusable
    gateway.

    interface is an ipaddress.IPv4Interface (e.g. 192.168.1.11/24), gateway and destination
    are IPv4Address. Return "local" for the interface's own address or any loopback address
    (127.0.0.0/8), "on-link" for any other address in interface.network (broadcast included),
    f"via {gateway}" for everything else. Raise ValueError, naming the gateway's address,
    when the gateway is not another address on the interface's subnet.
    """
    raise NotImplementedError
