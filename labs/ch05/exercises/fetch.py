#!/usr/bin/env python3
"""Send one request line and print the answer, which ends when the server closes; report every
network failure as one clear line, never a traceback.

    python3 /labs/ch05/exercises/fetch.py www 5020                  # trouble_server.py --mode ok
    python3 /labs/ch05/exercises/fetch.py nosuch.example.com 5020   # name not found
    python3 /labs/ch05/exercises/fetch.py www 5099                  # connection refused
    python3 /labs/ch05/exercises/fetch.py www 5021                  # --mode reset
    python3 /labs/ch05/exercises/fetch.py www 5022 --timeout 2      # --mode silent
"""
import argparse
import socket
import sys


def port_number(text):
    """argparse type for a TCP/UDP port: 1-65535, or a clear usage error."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return port


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


def receive_all(sock):
    """Everything the server sends until it closes the connection (framing by closing)."""
    # TODO Exercise 2: call sock.recv() until it returns b'' and return all the bytes joined.
    raise NotImplementedError("Exercise 2: see labs/ch05/README.md")


def explain(exc, host, port, timeout):
    """One line that says what went wrong, in the user's terms."""
    # TODO Exercise 2: return one line for each case, naming host and port:
    # - socket.gaierror (the name does not exist): mention the host name;
    # - ConnectionRefusedError: say 'refused';
    # - ConnectionResetError: say 'reset';
    # - TimeoutError (socket.timeout): say 'timed out' and the timeout;
    # - any other OSError: its strerror.
    raise NotImplementedError("Exercise 2: see labs/ch05/README.md")


def fetch(host, port, request, timeout):
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(request.encode() + b"\n")
        return receive_all(sock)


def main():
    args = parse_args()
    try:
        answer = fetch(args.host, args.port, args.request, args.timeout)
    except OSError as exc:   # gaierror, refused, reset and timeout are all OSErrors
        print(f"fetch.py: {explain(exc, args.host, args.port, args.timeout)}", file=sys.stderr)
        sys.exit(1)
    sys.stdout.write(answer.decode(errors="replace"))


if __name__ == "__main__":
    main()
