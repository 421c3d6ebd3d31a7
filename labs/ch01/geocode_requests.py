#!/usr/bin/env python3
"""Geocode a place with requests: the highest layer, one call hides URL, HTTP and TCP."""
import labkit
import requests

from geoapi import API_PATH, parse_args, report


def fetch(host, port, address):
    url = f"http://{host}:{port}{API_PATH}"
    response = requests.get(url, params={"address": address}, timeout=10)
    response.raise_for_status()
    return response.content


def main():
    args = parse_args(__doc__)
    try:
        body = fetch(args.host, args.port, args.address)
    except requests.RequestException as exc:
        labkit.fail(f"request failed: {exc.__class__.__name__}: {exc}")
    report(body)


if __name__ == "__main__":
    labkit.main(main)
