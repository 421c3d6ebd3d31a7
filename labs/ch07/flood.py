"""Open many connections to a server and hold them, to see what a server architecture does
when clients connect and then say nothing (or too little). Bounded: at most 200 connections,
held at most 20 s, and only to the playground's own hosts.

    h2$ python3 /labs/ch07/flood.py www --port 7003 --count 100 --hold 10

--half sends half a question on each connection and stalls; --greedy sends questions as fast
as the server takes them and never reads an answer.
"""
import argparse
import socket
import time

import labkit

MAX_COUNT, MAX_HOLD = 200, 20.0
GREEDY_BYTES = 4_000_000     # how much a greedy connection sends at most


def bounded(limit):
    def check(text):
        value = float(text)
        if not 0 < value <= limit:
            raise argparse.ArgumentTypeError(f"must be more than 0 and at most {limit}")
        return value
    return check


def misbehave(sock: socket.socket, how: str) -> None:
    if how == "half":
        sock.sendall(b"is this half a ques")
    elif how == "greedy":
        sock.settimeout(0.5)             # stop when the server no longer takes anything
        question = b"will you read this while I never read your answers?\n" * 100
        try:
            for _ in range(GREEDY_BYTES // len(question)):
                sock.sendall(question)
        except TimeoutError:
            pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("host")
    parser.add_argument("--port", type=labkit.port, required=True)
    parser.add_argument("--count", type=bounded(MAX_COUNT), default=10)
    parser.add_argument("--hold", type=bounded(MAX_HOLD), default=10.0)
    parser.add_argument("--half", dest="how", action="store_const", const="half")
    parser.add_argument("--greedy", dest="how", action="store_const", const="greedy")
    args = parser.parse_args()
    socks = []
    try:
        for _ in range(int(args.count)):
            sock = socket.create_connection((args.host, args.port), timeout=5)
            misbehave(sock, args.how)
            socks.append(sock)
        print(f"holding {len(socks)} connections for {args.hold:g} s", flush=True)
        time.sleep(args.hold)            # the point of the program: hold them, then let go
    finally:
        for sock in socks:
            sock.close()
    print("closed them all")


if __name__ == "__main__":
    labkit.main(main)
