#!/usr/bin/env python3
"""Geocode a place over a raw TCP socket, speaking HTTP/1.1 by hand (Exercise 1)."""
import socket
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter's geoapi.py
from geoapi import fail, parse_args, query_path, report  # noqa: E402


def build_request(host, port, target):
    """The bytes of a GET request: request line, Host, Connection: close, blank line."""
    # TODO Exercise 1: implement this (see labs/ch01/README.md).
    raise NotImplementedError("Exercise 1: see labs/ch01/README.md")


def dechunk(data):
    """Undo Transfer-Encoding: chunked: hex size line, that many bytes, CRLF, until size 0."""
    # TODO Exercise 1: implement this (see labs/ch01/README.md).
    raise NotImplementedError("Exercise 1: see labs/ch01/README.md")


def parse_response(raw):
    """Split a whole response into (status code, headers with lower-case names, body)."""
    # TODO Exercise 1: implement this (see labs/ch01/README.md).
    raise NotImplementedError("Exercise 1: see labs/ch01/README.md")


def exchange(host, port, request):
    """Send the request and read until the server closes the connection."""
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(request)
        chunks = []
        while True:
            data = sock.recv(4096)
            if not data:
                return b"".join(chunks)
            chunks.append(data)


def main():
    args = parse_args(__doc__)
    request = build_request(args.host, args.port, query_path(args.address))
    try:
        raw = exchange(args.host, args.port, request)
    except OSError as exc:
        fail(f"request failed: {exc.__class__.__name__}: {exc}")
    try:
        status, _headers, body = parse_response(raw)
    except ValueError as exc:
        fail(f"malformed HTTP response: {exc}")
    if status != 200:
        fail(f"server answered {status}")
    report(body)


if __name__ == "__main__":
    main()
