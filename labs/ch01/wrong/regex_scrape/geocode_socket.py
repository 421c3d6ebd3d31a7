"""Exercise 1, wrong: no HTTP parsing at all: the status and the coordinates are scraped from
the raw bytes with a regular expression, whatever the framing says."""
import json
import re

NUMBER = rb'"%s":\s*(-?[0-9.]+)'


def build_request(host, port, target):
    host_header = host if port == 80 else f"{host}:{port}"
    lines = [f"GET {target} HTTP/1.1", f"Host: {host_header}", "Connection: close", "", ""]
    return "\r\n".join(lines).encode("ascii")


def dechunk(data):
    return data


def parse_response(raw):
    lat, lng = re.search(NUMBER % b"lat", raw), re.search(NUMBER % b"lng", raw)
    if not (lat and lng):
        return 200, {}, b'{"status": "ZERO_RESULTS", "results": []}'
    found = {"status": "OK", "results": [{"geometry": {"location": {
        "lat": float(lat.group(1)), "lng": float(lng.group(1))}}}]}
    return 200, {}, json.dumps(found).encode()
