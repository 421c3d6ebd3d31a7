"""The program around Exercise 1 (exercises/ and solutions/geocode_socket.py): command line,
socket and report. The student writes build_request() and parse_response(); main() gets them.

Run it through the exercise or the solution, not directly:

    h1$ python3 /labs/ch01/exercises/geocode_socket.py Tokyo Tower
"""
import socket

from geoapi import fail, parse_args, query_path, report

DESCRIPTION = "Geocode a place over a raw TCP socket, speaking HTTP/1.1 by hand (Exercise 1)."


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


def main(build_request, parse_response):
    """Ask the API with build_request()'s bytes, read to EOF, parse_response(), report()."""
    args = parse_args(DESCRIPTION)
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
