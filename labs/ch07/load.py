"""Load for bench.py: CLIENTS threads each ask questions for SECONDS, on connections of
PER_CONNECTION questions, and the program prints one JSON line: every latency, in ms.
Bounded: at most 100 clients, at most 10 s.

    h1$ python3 /labs/ch07/load.py www --port 7004 --clients 25 --seconds 2
"""
import argparse
import json
import socket
import threading
import time

import labkit

import qa

QUESTION = b"how fast is this server?\n"


def client(host, port, until, per_connection, latencies, errors) -> None:
    while time.monotonic() < until:
        try:
            with socket.create_connection((host, port), timeout=5) as sock:
                for _ in range(per_connection):
                    start = time.monotonic()
                    sock.sendall(QUESTION)
                    labkit.recv_line(sock, qa.MAX_LINE)
                    latencies.append(time.monotonic() - start)   # list.append is atomic
        except (OSError, EOFError):
            errors.append(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("host")
    parser.add_argument("--port", type=labkit.port, required=True)
    parser.add_argument("--clients", type=labkit.positive, default=1)
    parser.add_argument("--seconds", type=labkit.seconds, default=2.0)
    parser.add_argument("--per-connection", type=labkit.positive, default=3)
    args = parser.parse_args()
    if args.clients > 100 or args.seconds > 10:
        labkit.fail("at most 100 clients and 10 seconds")
    latencies, errors = [], []
    until = time.monotonic() + args.seconds
    threads = [threading.Thread(target=client, args=(args.host, args.port, until,
                                                     args.per_connection, latencies, errors))
               for _ in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({"ms": [round(s * 1000, 2) for s in latencies], "errors": len(errors),
                      "seconds": args.seconds}))


if __name__ == "__main__":
    labkit.main(main)
