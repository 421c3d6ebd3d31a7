#!/usr/bin/env python3
"""Exercise 1: HTTP/1.1 by hand over a raw socket (labs/ch01/README.md, section 'Exercise 1').

Write build_request(), dechunk() and parse_response() below. The rest is done, in
labs/ch01/geocode_socket_main.py: main() reads the command line, sends the bytes of your
build_request() over a TCP socket, reads until the server closes, hands them to your
parse_response() and prints the answer.

    h1$ python3 /labs/ch01/exercises/geocode_socket.py Tokyo Tower
    35.6586, 139.7454
    h1$ python3 /labs/ch01/exercises/geocode_socket.py --port 1180 Tokyo Tower   # chunked
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter folder
from geocode_socket_main import main  # noqa: E402


def build_request(host, port, target):
    """The bytes of a GET request: request line, Host, Connection: close, blank line.

    The request line is `GET TARGET HTTP/1.1`; the Host header is `Host: HOST`, or
    `Host: HOST:PORT` when the port is not 80; `Connection: close` makes the server close
    after answering, so reading to EOF ends. Each line ends with CRLF, then an empty line.
    """
    raise NotImplementedError("Exercise 1: see labs/ch01/README.md")


def dechunk(data):
    """Undo Transfer-Encoding: chunked: hex size line, that many bytes, CRLF, until size 0.

    A size line may carry an extension after ';' (ignore it). Return the joined chunks;
    raise ValueError when a size line is not terminated or a chunk is shorter than its size.
    """
    raise NotImplementedError("Exercise 1: see labs/ch01/README.md")


def parse_response(raw):
    """Split a whole response into (status code, headers with lower-case names, body).

    Split at the first empty line (CRLF CRLF); parse the status line (`HTTP/1.1 200 OK`)
    and the `Name: value` header lines. With `Transfer-Encoding: chunked`, the body is
    dechunk(body); otherwise, with `Content-Length`, exactly that many bytes. Raise
    ValueError on anything malformed (main() turns it into a one-line error).
    """
    raise NotImplementedError("Exercise 1: see labs/ch01/README.md")


if __name__ == "__main__":
    main(build_request=build_request, parse_response=parse_response)
