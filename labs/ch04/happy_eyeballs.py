"""Connect to a host over IPv6 if it works, else over IPv4, without waiting long (RFC 8305).

Exercise 3's program: it reads the arguments, asks connect() (yours, in
exercises/eyeballs.py) for a connected socket and says which address won and how long it took.

    python3 /labs/ch04/happy_eyeballs.py www.example.com 80
    python3 /labs/ch04/happy_eyeballs.py www.example.com 80 --delay 0.1

Prints `connected to ADDRESS port PORT over IPv6 (or IPv4) in N ms, from ADDRESS`.
"""
import argparse
import socket
import time

import labkit

connect = labkit.answer("eyeballs").connect


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("host")
    parser.add_argument("port", type=labkit.port)
    parser.add_argument("--delay", type=labkit.seconds, default=0.25,
                        help="how long an attempt runs alone before the next starts "
                             "(RFC 8305 recommends 250 ms)")
    parser.add_argument("--timeout", type=labkit.seconds, default=10.0,
                        help="give up after this many seconds")
    return parser.parse_args()


def main():
    args = parse_args()
    began = time.monotonic()
    sock = connect(args.host, args.port, args.delay, args.timeout)
    took = (time.monotonic() - began) * 1000
    with sock:
        peer, me = sock.getpeername(), sock.getsockname()
        family = "IPv6" if sock.family == socket.AF_INET6 else "IPv4"
        print(f"connected to {peer[0]} port {peer[1]} over {family} in {took:.0f} ms, "
              f"from {me[0]}")


if __name__ == "__main__":
    labkit.main(main)
