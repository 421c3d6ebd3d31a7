"""Exercise 3, wrong: lets in any private address besides the listed networks, thinking
only home clients have those; but behind NAT every client here is a private 10.x address."""
import ipaddress


def verify(request, client_address, allowed):
    address = ipaddress.ip_address(client_address[0])
    return address.is_private or any(address in ipaddress.ip_network(net) for net in allowed)
