"""JSON-RPC 2.0 over HTTP with jsonrpclib-pelix: the same functions as xmlrpc_server.py, in
a body a person can read. On the wire each call is a POST of
{"jsonrpc": "2.0", "method": ..., "params": [...], "id": ...}.
    docker exec www python3 /labs/ch18/jsonrpc_demo.py server
    docker exec h1 python3 /labs/ch18/jsonrpc_demo.py client www hello"""
import argparse

import jsonrpclib
from jsonrpclib.SimpleJSONRPCServer import SimpleJSONRPCServer

import labkit
import rpclab

PORT = 18001


def serve(port: int) -> None:
    server = SimpleJSONRPCServer(("", port), logRequests=False)
    for name, function in rpclab.FUNCTIONS.items():
        server.register_function(function, name)
    print(f"JSON-RPC on port {port}", flush=True)
    server.serve_forever()


def client(host: str, port: int, word: str) -> None:
    proxy = jsonrpclib.ServerProxy(f"http://{host}:{port}")
    print("add(2, 3) =", proxy.add(2, 3))
    print(f"upper({word!r}) =", repr(proxy.upper(word)))
    print("echo({'a': [1, 2.5, None]}) =", proxy.echo({"a": [1, 2.5, None]}))  # null is JSON
    print("describe(2**40) =", proxy.describe(2**40))   # JSON numbers have no 32-bit limit
    try:
        proxy.divide(1, 0)
    except jsonrpclib.ProtocolError as exc:   # the error object, as jsonrpclib raises it
        code, message = exc.args[0]
        print(f"divide(1, 0): error {code}: {message}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    roles = parser.add_subparsers(dest="role", required=True)
    roles.add_parser("server", help="on www")
    caller = roles.add_parser("client")
    caller.add_argument("host")
    caller.add_argument("word", nargs="?", default="hello")
    args = parser.parse_args()
    if args.role == "server":
        serve(args.port)
    else:
        client(args.host, args.port, args.word)


if __name__ == "__main__":
    labkit.main(main)
