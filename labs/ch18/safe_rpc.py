"""Exercise 1's program: an RPC service open to anyone (no authkey, on purpose: a public
service), whose messages are only as safe as dumps() and loads() (yours, in
exercises/safe_rpc.py). A call is [name, args]; an answer ["ok", result] or
["error", "Type: message"].
    docker exec www python3 /labs/ch18/safe_rpc.py server
    docker exec h1 python3 /labs/ch18/safe_rpc.py call www echo '["any", 1, {"json": null}]'
    docker exec h1 python3 /labs/ch18/rpc_attack.py www /tmp/owned --port 18020"""
import argparse
import json
import threading
from multiprocessing.connection import Client, Listener

import labkit
import rpclab

PORT = 18020
codec = labkit.answer("safe_rpc")


def handle(conn, who: str) -> None:
    """Answer calls until the client closes; a message that does not decode as a call is
    refused with an error answer, and the connection goes on."""
    while True:
        try:
            data = conn.recv_bytes()
        except EOFError:
            return
        try:
            name, args = codec.loads(data)
            print(f"{who}: {rpclab.call_text(name, args)}", flush=True)
            answer = ["ok", rpclab.FUNCTIONS[name](*args)]
        except Exception as exc:   # undecodable, unknown name, or the function raised
            print(f"{who}: error {type(exc).__name__}: {exc}", flush=True)
            answer = ["error", f"{type(exc).__name__}: {exc}"]
        conn.send_bytes(codec.dumps(answer))


def handle_then_close(conn, who: str) -> None:
    with conn:
        try:
            handle(conn, who)
        except OSError as exc:   # the client went away mid-answer
            print(f"{who}: {exc}", flush=True)


def serve(port: int) -> None:
    listener = Listener(("", port))   # no authkey: who calls is not checked, what is
    print(f"serving on port {port}", flush=True)
    while True:
        conn = listener.accept()
        who = f"{listener.last_accepted[0]}:{listener.last_accepted[1]}"
        threading.Thread(target=handle_then_close, args=(conn, who), daemon=True).start()


def call(host: str, port: int, name: str, args: list) -> None:
    with Client((host, port)) as conn:
        conn.send_bytes(codec.dumps([name, args]))
        status, value = codec.loads(conn.recv_bytes())
    if status != "ok":
        labkit.fail(f"the server answered an error: {value}")
    print(repr(value))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    roles = parser.add_subparsers(dest="role", required=True)
    roles.add_parser("server", help="on www")
    caller = roles.add_parser("call")
    caller.add_argument("host")
    caller.add_argument("name", choices=sorted(rpclab.FUNCTIONS))
    caller.add_argument("args", type=json.loads, help="the arguments, as a JSON list")
    args = parser.parse_args()
    if args.role == "server":
        serve(args.port)
    else:
        call(args.host, args.port, args.name, args.args)


if __name__ == "__main__":
    labkit.main(main)
