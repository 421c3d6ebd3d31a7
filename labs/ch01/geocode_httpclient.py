#!/usr/bin/env python3
"""Geocode a place with http.client: we build the request target; it speaks HTTP for us."""
import http.client

import labkit

from geoapi import parse_args, query_path, report


def fetch(host, port, address):
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.request("GET", query_path(address))
        response = conn.getresponse()
        body = response.read()   # http.client undoes chunked framing if the server used it
    finally:
        conn.close()
    if response.status != 200:
        labkit.fail(f"server answered {response.status} {response.reason}")
    return body


def main():
    args = parse_args(__doc__)
    try:
        body = fetch(args.host, args.port, args.address)
    except (OSError, http.client.HTTPException) as exc:
        labkit.fail(f"request failed: {exc.__class__.__name__}: {exc}")
    report(body)


if __name__ == "__main__":
    labkit.main(main)
