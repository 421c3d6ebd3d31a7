"""RPC over multiprocessing connections (Python Cookbook 11.8): a call is a message
(name, args), the answer ("ok", result) or ("error", exception). With pickle (the default)
the exception object itself comes back and is raised again in the client; with --json the
messages are JSON and the error is its text. --authkey makes both ends prove they know the
key (HMAC challenge-response) before any message; without one, anyone who reaches the port
is believed, and with pickle that means running what they send (see rpc_attack.py).
    docker exec www python3 /labs/ch18/mp_rpc.py --authkey peekaboo server
    docker exec h1 python3 /labs/ch18/mp_rpc.py --authkey peekaboo client www divide 1 0"""
import argparse
import json
import threading
from multiprocessing.connection import AuthenticationError, Client, Listener

import labkit
import rpclab

PORT = 18003


class Pickled:
    """Messages as pickles: any Python object, exceptions included; unsafe to receive from
    anyone you do not trust, since unpickling can call any function."""

    def __init__(self, conn):
        self.conn = conn

    def send(self, message):
        self.conn.send(message)          # pickle.dumps + send_bytes

    def recv(self):
        return self.conn.recv()          # recv_bytes + pickle.loads

    def error(self, exc):
        return exc


class Jsoned(Pickled):
    """Messages as JSON text: only plain data, so nothing runs on receipt."""

    def send(self, message):
        self.conn.send_bytes(json.dumps(message).encode())

    def recv(self):
        return json.loads(self.conn.recv_bytes())

    def error(self, exc):
        return f"{type(exc).__name__}: {exc}"


def handle(channel, who: str) -> None:
    """Answer calls on one connection until the client closes it."""
    while True:
        try:
            name, args = channel.recv()
        except EOFError:
            return
        print(f"{who}: {rpclab.call_text(name, args)}", flush=True)
        try:
            channel.send(("ok", rpclab.FUNCTIONS[name](*args)))
        except Exception as exc:   # whatever the function raised goes back to the caller
            channel.send(("error", channel.error(exc)))


def serve(port: int, authkey: bytes | None, codec) -> None:
    listener = Listener(("", port), authkey=authkey)
    print(f"{codec.__name__} RPC on port {port}, "
          f"{'authkey required' if authkey else 'NO AUTHKEY: anyone is believed'}", flush=True)
    while True:
        try:
            conn = listener.accept()   # with an authkey, the challenge happens in here
        except (AuthenticationError, EOFError, OSError) as exc:   # wrong key, or hung up
            print(f"refused a client: {exc!r}", flush=True)
            continue
        who = f"{listener.last_accepted[0]}:{listener.last_accepted[1]}"
        threading.Thread(target=handle_safely, args=(codec(conn), who), daemon=True).start()


def handle_safely(channel, who: str) -> None:
    """handle(), saying in one line why a connection ended badly (a message that would
    not decode, say) instead of a thread's traceback."""
    try:
        handle(channel, who)
    except Exception as exc:
        print(f"{who}: dropped: {type(exc).__name__}: {exc}", flush=True)
    finally:
        channel.conn.close()


def call(host: str, port: int, authkey: bytes | None, codec, name: str, args: list) -> None:
    try:
        conn = Client((host, port), authkey=authkey)
    except AuthenticationError as exc:
        labkit.fail(f"refused: {exc}")
    channel = codec(conn)
    channel.send((name, args))
    status, value = channel.recv()
    conn.close()
    if status == "ok":
        print(f"{rpclab.call_text(name, args)} = {value!r}")
    elif isinstance(value, BaseException):   # pickle: the server's very exception
        labkit.fail(f"the server raised {type(value).__name__}: {value}")
    else:
        labkit.fail(f"the server answered an error: {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--authkey", help="a shared secret (on the command line only for "
                        "this demonstration: ps shows it)")
    parser.add_argument("--json", dest="codec", action="store_const", const=Jsoned,
                        default=Pickled, help="JSON messages instead of pickles")
    roles = parser.add_subparsers(dest="role", required=True)
    roles.add_parser("server", help="on www")
    caller = roles.add_parser("client")
    caller.add_argument("host")
    caller.add_argument("name", choices=sorted(rpclab.FUNCTIONS))
    caller.add_argument("args", nargs="*", type=rpclab.value)
    args = parser.parse_args()
    key = args.authkey.encode() if args.authkey else None
    if args.role == "server":
        serve(args.port, key, args.codec)
    else:
        call(args.host, args.port, key, args.codec, args.name, args.args)


if __name__ == "__main__":
    labkit.main(main)
