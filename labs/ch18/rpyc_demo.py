"""RPyC: the client passes the server a file that stays on the client, and a function that
runs on the client. The server counts the words of the file line by line, fetching each line
over the connection, and calls the client back after every line.
    docker exec www python3 /labs/ch18/rpyc_demo.py server
    docker exec h1 python3 /labs/ch18/rpyc_demo.py client www /etc/os-release"""
import argparse

import rpyc
from rpyc.utils.server import ThreadedServer

import labkit

PORT = 18002


class WordCountService(rpyc.Service):
    """exposed_ methods are what a client may call as conn.root.NAME."""

    def exposed_count_words(self, lines, progress):
        # lines is a netref: a proxy for the client's open file. repr() is answered by the
        # client, so it names a file that does not exist here.
        print(f"counting words of {lines!r}", flush=True)
        total = 0
        for number, line in enumerate(lines, 1):   # each next() is a round trip
            total += len(line.split())
            progress(number, total)                 # runs on the client
        return total


def serve(port: int) -> None:
    print(f"RPyC on port {port}", flush=True)
    ThreadedServer(WordCountService, port=port).start()


def client(host: str, port: int, path: str) -> None:
    conn = rpyc.connect(host, port)

    def progress(line, total):
        print(f"  after line {line}: {total} words")

    with open(path) as f:
        total = conn.root.count_words(f, progress)
    print(f"{path}: {total} words, counted on {host}")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    roles = parser.add_subparsers(dest="role", required=True)
    roles.add_parser("server", help="on www")
    caller = roles.add_parser("client")
    caller.add_argument("host")
    caller.add_argument("path", help="a file on the CLIENT's host")
    args = parser.parse_args()
    if args.role == "server":
        serve(args.port)
    else:
        client(args.host, args.port, args.path)


if __name__ == "__main__":
    labkit.main(main)
