"""Exercise 1's program: fetch every PATH from HOST with fetch_all() (the student's, in
exercises/keepalive.py), which must use ONE TCP connection, and print one line per response:
STATUS PATH LENGTH sha256=FIRST-16-HEX-DIGITS."""
import argparse
import hashlib

import labkit

PORT = 80
fetch_all = labkit.answer("keepalive").fetch_all


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("host", help="the web server, e.g. www")
    parser.add_argument("paths", nargs="+", help="e.g. /get /status/404 /range/20000")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    args = parser.parse_args()
    results = fetch_all(args.host, args.port, args.paths)
    if len(results) != len(args.paths):
        labkit.fail(f"{len(args.paths)} paths but {len(results)} responses")
    for path, (status, body) in zip(args.paths, results):
        print(f"{status} {path} {len(body)} sha256={hashlib.sha256(body).hexdigest()[:16]}")


if __name__ == "__main__":
    labkit.main(main)
