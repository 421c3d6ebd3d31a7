#!/usr/bin/env python3
"""Geocode a place over a raw TCP socket, speaking HTTP/1.1 by hand (Exercise 1).

The student writes build_request(), dechunk() and parse_response() in exercises/geocode_socket.py;
this program reads the command line, sends the request, reads until the server closes and
prints the answer.
"""
import socket

import labkit

from geoapi import parse_args, query_path, report

student = labkit.answer("geocode_socket")


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
    """Ask the API with build_request()'s bytes, read to EOF, parse_response(), report()."""
    args = parse_args(__doc__.splitlines()[0])
    request = student.build_request(args.host, args.port, query_path(args.address))
    try:
        raw = exchange(args.host, args.port, request)
    except OSError as exc:
        labkit.fail(f"request failed: {exc.__class__.__name__}: {exc}")
    try:
        status, _headers, body = student.parse_response(raw)
    except ValueError as exc:
        labkit.fail(f"malformed HTTP response: {exc}")
    if status != 200:
        labkit.fail(f"server answered {status}")
    report(body)


if __name__ == "__main__":
    labkit.main(main)
