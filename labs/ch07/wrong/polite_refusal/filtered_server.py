"""Exercise 3, wrong: filters correctly but tells a refused client why, sending it data it
should never get (and that a client would take for an answer)."""
import ipaddress


def verify(request, client_address, allowed):
    address = ipaddress.ip_address(client_address[0])
    if any(address in ipaddress.ip_network(net, strict=False) for net in allowed):
        return True
    request.sendall(b"refused: you are not on the list.\n")
    return False
