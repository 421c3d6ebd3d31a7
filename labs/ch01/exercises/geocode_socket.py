"""Exercise 1: HTTP/1.1 by hand over a raw socket (labs/ch01/README.md).

    h1$ python3 /labs/ch01/geocode_socket.py Tokyo Tower
    35.6586, 139.7454
    h1$ python3 /labs/ch01/geocode_socket.py --port 1080 Tokyo Tower   # chunked, via the relay
"""


def build_request(host, port, target):
    """TODO: the bytes of a GET request: request line, Host, Connection: close, blank line.

    The request line is `GET TARGET HTTP/1.1`; the Host header is `Host: HOST`, or
    `Host: HOST:PORT` when the port is not 80; `Connection: close` makes the server close
    after answering, so reading to EOF ends. Each line ends with CRLF, then an empty line.
    """
    raise NotImplementedError


def dechunk(data):
    """TODO: undo Transfer-Encoding: chunked: hex size line, that many bytes, CRLF, until
    a chunk of size 0.

    A size line may carry an extension after ';' (ignore it); a chunk's bytes may hold CRLF.
    Return the joined chunks; raise ValueError when a size line is not terminated or a chunk
    is shorter than its size.
    """
    raise NotImplementedError


def parse_response(raw):
    """TODO: split a whole response into (status code, headers with lower-case names, body).

    Split at the first empty line (CRLF CRLF); parse the status line (`HTTP/1.1 200 OK`)
    and the `Name: value` header lines (any case, space optional). With
    `Transfer-Encoding: chunked`, the body is dechunk(body); otherwise, with
    `Content-Length`, exactly that many bytes. Raise ValueError on anything malformed, a body
    shorter than its Content-Length too (the program turns it into a one-line error).
    """
    raise NotImplementedError
