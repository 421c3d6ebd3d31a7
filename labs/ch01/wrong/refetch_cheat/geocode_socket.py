"""Exercise 1, wrong: a cheat: ignores the bytes it was given and asks the server again with
http.client, which does all the parsing."""
import argparse
import http.client

from geoapi import query_path


def build_request(host, port, target):
    host_header = host if port == 80 else f"{host}:{port}"
    lines = [f"GET {target} HTTP/1.1", f"Host: {host_header}", "Connection: close", "", ""]
    return "\r\n".join(lines).encode("ascii")


def dechunk(data):
    return data


def parse_response(raw):
    parser = argparse.ArgumentParser()
    parser.add_argument("address", nargs="+")
    parser.add_argument("--host", default="www.example.com")
    parser.add_argument("--port", type=int, default=80)
    args = parser.parse_args()
    conn = http.client.HTTPConnection(args.host, args.port, timeout=10)
    conn.request("GET", query_path(" ".join(args.address)))
    response = conn.getresponse()
    return response.status, dict(response.getheaders()), response.read()
