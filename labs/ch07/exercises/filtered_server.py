"""Exercise 3: an address filter with verify_request (labs/ch07/README.md)."""


def verify(request, client_address, allowed):
    """TODO: return True if the client at client_address (an (ip, port) tuple, as accept()
    gives it) belongs to one of the networks in allowed (strings such as "10.25.1.64/31",
    from the command line), else False. request is the connected socket; a refused client
    must learn nothing from it (send it nothing: the server closes it)."""
    raise NotImplementedError
