"""Exercise 1: a keep-alive fetcher over http.client (labs/ch09/README.md)."""


def fetch_all(host, port, paths):
    """TODO: GET each of `paths` from host:port in order over ONE http.client.HTTPConnection
    (one TCP connection, one handshake), and return a list of (status, body bytes), one per
    path, whatever the status. Read each response whole before sending the next request,
    and close the connection at the end."""
    raise NotImplementedError
