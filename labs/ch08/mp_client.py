"""A client of mp_server.py: Python objects to a server on another host, over one
authenticated multiprocessing.connection.

    h1$ python3 /labs/ch08/mp_client.py www --key 'a long shared secret' colour=blue colour
    h4$ python3 /labs/ch08/mp_client.py www --key 'a long shared secret' colour --names

Each NAME=VALUE stores {"value": VALUE, "by": this host} under NAME, each bare NAME gets it
back; each reply is printed with repr(). --hold keeps the connection open afterwards.
"""
import argparse
import socket
import time
from multiprocessing.connection import AuthenticationError, Client

import labkit

PORT = 8050


def request_of(word: str) -> tuple:
    name, is_put, value = word.partition("=")
    if is_put:
        return ("put", name, {"value": value, "by": socket.gethostname()})
    return ("get", name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("server", help="where mp_server.py runs, e.g. www")
    parser.add_argument("words", nargs="*", help="NAME=VALUE to store, NAME to get")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--key", default="ch08 shared secret", help="the shared authkey")
    parser.add_argument("--names", action="store_true", help="then ask for every name")
    parser.add_argument("--hold", type=labkit.seconds, help="stay connected this long")
    args = parser.parse_intermixed_args()   # words may come after the options
    requests = [request_of(w) for w in args.words] + [("names",)] * args.names
    try:
        with Client((args.server, args.port), authkey=args.key.encode()) as conn:
            for request in requests:
                conn.send(request)
                print(repr(conn.recv()), flush=True)
            time.sleep(args.hold or 0)
    except AuthenticationError as e:
        labkit.fail(f"the server refused our key ({e})")
    except EOFError:
        labkit.fail("the server closed the connection")


if __name__ == "__main__":
    labkit.main(main)
