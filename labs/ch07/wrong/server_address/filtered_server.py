"""Exercise 3, wrong: checks the address of the server's end of the connection
(getsockname) instead of the client's, so everyone is judged as www itself."""
import ipaddress


def verify(request, client_address, allowed):
    address = ipaddress.ip_address(request.getsockname()[0])
    return any(address in ipaddress.ip_network(net, strict=False) for net in allowed)
