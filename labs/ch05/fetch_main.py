"""Send one request line and print the answer, which ends when the server closes; report every
network failure as one clear line, never a traceback.

The program around Exercise 2 (labs/ch05/README.md): argument parsing, the connection and the
exit status. receive_all() and explain() are what you write in exercises/fetch.py
(solutions/fetch.py holds ours); that file hands its functions to main():

    python3 /labs/ch05/exercises/fetch.py www 5020                  # trouble_server.py --mode ok
    python3 /labs/ch05/exercises/fetch.py nosuch.example.com 5020   # name not found
    python3 /labs/ch05/exercises/fetch.py www 5099                  # connection refused
    python3 /labs/ch05/exercises/fetch.py www 5021                  # --mode reset
    python3 /labs/ch05/exercises/fetch.py www 5022 --timeout 2      # --mode silent
"""
import argparse
import socket
import sys

from wire import port_number


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("host", help="server name or address")
    parser.add_argument("port", type=port_number, help="TCP port")
    parser.add_argument("--request", default="hello", help="the request line to send")
    parser.add_argument("--timeout", type=float, default=5.0,
                        help="seconds to wait for the connection and for each read")
    args = parser.parse_args()
    if args.timeout <= 0:
        parser.error("--timeout must be a positive number of seconds")
    return args


def fetch(host, port, request, timeout, receive_all):
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(request.encode() + b"\n")
        return receive_all(sock)


def main(receive_all, explain):
    """Fetch with the given receive_all(); report a failure with the given explain()."""
    args = parse_args()
    try:
        answer = fetch(args.host, args.port, args.request, args.timeout, receive_all)
    except OSError as exc:   # gaierror, refused, reset and timeout are all OSErrors
        print(f"fetch.py: {explain(exc, args.host, args.port, args.timeout)}", file=sys.stderr)
        sys.exit(1)
    sys.stdout.write(answer.decode(errors="replace"))
