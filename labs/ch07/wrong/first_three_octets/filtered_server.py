"""Exercise 3, wrong: compares the first three numbers of the address, as if every network
were a /24, so 10.25.1.66 passes for 10.25.1.64/31."""


def verify(request, client_address, allowed):
    prefix = client_address[0].rsplit(".", 1)[0] + "."
    return any(net.startswith(prefix) for net in allowed)
