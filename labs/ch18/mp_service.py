"""Exercise 4's program: a multiprocessing.connection service that only clients knowing the
key may use, run by serve() and call() (yours, in exercises/mp_auth.py). The key is read
from a file, never from the command line, where ps would show it.
    docker exec www sh -c 'head -c 16 /dev/urandom | base64 > /tmp/ch18.key'
    docker exec www python3 /labs/ch18/mp_service.py server --key-file /tmp/ch18.key
    (copy the key to h1's /tmp/ch18.key, then)
    docker exec h1 python3 /labs/ch18/mp_service.py call www divide 1 0 --key-file /tmp/ch18.key"""
import argparse
import time
from multiprocessing.connection import AuthenticationError, Client

import labkit
import rpclab

PORT = 18050
mp_auth = labkit.answer("mp_auth")


def read_key(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read().strip()


def call_and_print(conn, name: str, args: list) -> None:
    try:
        result = mp_auth.call(conn, name, args)
    except Exception as exc:   # what the server raised, raised again here
        labkit.fail(f"the server raised {type(exc).__name__}: {exc}")
    print(f"{rpclab.call_text(name, args)} = {result!r}", flush=True)


def client(host: str, port: int, key: bytes, name: str, args: list, hold: float) -> None:
    try:
        conn = Client((host, port), authkey=key)
    except AuthenticationError as exc:
        labkit.fail(f"refused: {exc}")
    with conn:
        call_and_print(conn, name, args)
        if hold:   # keep the connection (and whatever the server gave it) for a while
            time.sleep(hold)
            call_and_print(conn, name, args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--key-file", required=True, help="a file holding the shared key")
    roles = parser.add_subparsers(dest="role", required=True)
    roles.add_parser("server", help="on www")
    caller = roles.add_parser("call")
    caller.add_argument("host")
    caller.add_argument("name", choices=sorted(rpclab.FUNCTIONS))
    caller.add_argument("args", nargs="*", type=rpclab.value)
    caller.add_argument("--hold", type=labkit.seconds,
                        help="call again after this many seconds on the same connection")
    args = parser.parse_args()
    key = read_key(args.key_file)
    if args.role == "server":
        print(f"serving on port {args.port}", flush=True)
        mp_auth.serve(args.port, key, rpclab.FUNCTIONS)
    else:
        client(args.host, args.port, key, args.name, args.args, args.hold)


if __name__ == "__main__":
    labkit.main(main)
