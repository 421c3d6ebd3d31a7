"""A line server that answers each client once and hangs up: or forgets to, with --forget.

Exercise 3's program: it accepts connections one after another and hands each to answer()
(yours, in exercises/hangup.py), which replies and must close the connection.

    www$ python3 /labs/ch03/hangup_server.py              # 3040, your answer()
    www$ python3 /labs/ch03/hangup_server.py --forget     # replies, never closes
    h1$  echo hello | nc -N www 3040
    www$ ss -tan '( sport = :3040 )'      h1$ ss -tan '( dport = :3040 )'
"""
import argparse

import labkit
from tcpkit import listen

PORT = 3040


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--forget", action="store_true",
                        help="reply but never close: each client's connection stays in "
                             "CLOSE_WAIT here once the client has closed its end")
    return parser.parse_args()


def forgetful(conn, kept=[]):   # noqa: B006 (kept on purpose: the bug being shown)
    """Reply in capitals, then keep the socket forever instead of closing it."""
    conn.sendall(conn.recv(1024).upper())
    kept.append(conn)


def main():
    args = parse_args()
    answer = forgetful if args.forget else labkit.answer("hangup").answer
    with listen("", args.port) as server:
        print(f"listening on port {args.port}", flush=True)
        while True:
            conn, peer = server.accept()
            print(f"client {peer[0]}:{peer[1]}", flush=True)
            answer(conn)


if __name__ == "__main__":
    labkit.main(main)
