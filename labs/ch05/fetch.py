"""Exercise 2's program: send one request line and print the answer, which ends when the
server closes; report every network failure as one clear line, never a traceback.
receive_all() and explain() are yours, in exercises/fetch.py (solutions/fetch.py holds ours).

    python3 /labs/ch05/fetch.py www 5020                  # trouble_server.py --mode ok
    python3 /labs/ch05/fetch.py nosuch.example.com 5020   # name not found
    python3 /labs/ch05/fetch.py www 5099                  # connection refused
    python3 /labs/ch05/fetch.py www 5021                  # --mode reset
    python3 /labs/ch05/fetch.py www 5022 --timeout 2      # --mode silent
"""
import argparse
import socket
import sys

import labkit

fetch = labkit.answer("fetch")   # your functions


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("host", help="server name or address")
    parser.add_argument("port", type=labkit.port, help="TCP port")
    parser.add_argument("--request", default="hello", help="the request line to send")
    parser.add_argument("--timeout", type=labkit.seconds, default=5.0,
                        help="seconds to wait for the connection and for each read")
    return parser.parse_args()


def main():
    args = parse_args()
    try:
        with socket.create_connection((args.host, args.port), timeout=args.timeout) as sock:
            sock.sendall(args.request.encode() + b"\n")
            data = fetch.receive_all(sock)
    except OSError as exc:   # gaierror, refused, reset and timeout are all OSErrors
        labkit.fail(fetch.explain(exc, args.host, args.port, args.timeout))
    sys.stdout.write(data.decode(errors="replace"))


if __name__ == "__main__":
    labkit.main(main)
