#!/usr/bin/env python3
"""Relay the geocoding API, answering with Transfer-Encoding: chunked.

gunicorn sends the API's answers with Content-Length; this relay (run it on www, port 1080)
re-sends the same JSON in small chunks, so HTTP clients can be tried on the other framing.
"""
import argparse
import http.client
from http.server import BaseHTTPRequestHandler, HTTPServer

import labkit

from geoapi import API_PATH, DEFAULT_HOST

PORT = 1080
CHUNK = 64   # small, so one answer spans several chunks


class ChunkedRelay(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"   # chunked framing does not exist in HTTP/1.0
    upstream = (DEFAULT_HOST, 80)

    def do_GET(self):
        if self.path.split("?", 1)[0] != API_PATH:
            self.send_error(404, "only " + API_PATH + " is relayed")
            return
        try:
            status, body = self.fetch_upstream()
        except (OSError, http.client.HTTPException) as exc:
            self.send_error(502, f"upstream failed: {exc}")
            return
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for start in range(0, len(body), CHUNK):
            piece = body[start:start + CHUNK]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        self.wfile.write(b"0\r\n\r\n")

    def fetch_upstream(self):
        conn = http.client.HTTPConnection(*self.upstream, timeout=10)
        try:
            conn.request("GET", self.path)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=labkit.port, default=PORT,
                        help="port to serve (default %(default)s)")
    parser.add_argument("--upstream", default=DEFAULT_HOST, help="API host (default: %(default)s)")
    args = parser.parse_args()
    ChunkedRelay.upstream = (args.upstream, 80)
    try:
        server = HTTPServer(("", args.port), ChunkedRelay)
    except OSError as exc:
        labkit.fail(f"cannot listen on port {args.port}: {exc.strerror}")
    print(f"relaying http://{args.upstream}{API_PATH} chunked on port {args.port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    labkit.main(main)
