#!/usr/bin/env python3
"""Geocode a place over a raw TCP socket, speaking HTTP/1.1 by hand (Exercise 1)."""
import socket
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the chapter's geoapi.py
from geoapi import fail, parse_args, query_path, report  # noqa: E402


def build_request(host, port, target):
    """The bytes of a GET request: request line, Host, Connection: close, blank line."""
    host_header = host if port == 80 else f"{host}:{port}"
    lines = [f"GET {target} HTTP/1.1",
             f"Host: {host_header}",
             "Accept: application/json",
             "Connection: close",        # so the server closes and EOF ends the response
             "", ""]
    return "\r\n".join(lines).encode("ascii")


def dechunk(data):
    """Undo Transfer-Encoding: chunked: hex size line, that many bytes, CRLF, until size 0."""
    body = b""
    while True:
        size_line, sep, data = data.partition(b"\r\n")
        if not sep:
            raise ValueError("chunk size line not terminated")
        size = int(size_line.split(b";")[0], 16)   # a chunk extension may follow ';'
        if size == 0:
            return body
        if len(data) < size + 2 or data[size:size + 2] != b"\r\n":
            raise ValueError("chunk shorter than its size line says")
        body, data = body + data[:size], data[size + 2:]


def parse_response(raw):
    """Split a whole response into (status code, headers with lower-case names, body)."""
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        raise ValueError("no blank line after the headers")
    status_line, *header_lines = head.decode("iso-8859-1").split("\r\n")
    parts = status_line.split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        raise ValueError(f"bad status line {status_line!r}")
    headers = {}
    for line in header_lines:
        name, colon, value = line.partition(":")
        if not colon:
            raise ValueError(f"bad header line {line!r}")
        headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = dechunk(body)
    elif "content-length" in headers:
        length = int(headers["content-length"])
        if len(body) < length:
            raise ValueError(f"body has {len(body)} of {length} bytes")
        body = body[:length]
    return int(parts[1]), headers, body


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
