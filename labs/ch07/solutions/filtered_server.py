"""Exercise 3, the reference solution."""
import ipaddress


def verify(request, client_address, allowed):
    address = ipaddress.ip_address(client_address[0])
    return any(address in ipaddress.ip_network(net, strict=False) for net in allowed)
