"""A tour of XML-RPC from the client's side, against xmlrpc_server.py: calls, introspection,
three calls in ONE POST (multicall), a Fault, bytes as Binary, and what cannot cross.
    docker exec h1 python3 /labs/ch18/xmlrpc_client.py www"""
import argparse
import xmlrpc.client

import labkit
import rpclab

PORT = 18000


class Point:
    """An object of the client's own class: XML-RPC sends its __dict__ as a struct."""

    def __init__(self, x, y):
        self.x, self.y = x, y


def tour(proxy, word: str) -> None:
    print("add(2, 3) =", proxy.add(2, 3))
    print("system.listMethods() =", proxy.system.listMethods())
    print("system.methodHelp('divide') =", repr(proxy.system.methodHelp("divide")))

    batch = xmlrpc.client.MultiCall(proxy)   # collects calls; nothing is sent yet
    batch.add(7, 8)
    batch.upper(word)
    batch.set("last word", word)
    print("multicall, one POST:", list(batch()))

    try:
        proxy.divide(1, 0)
    except xmlrpc.client.Fault as fault:
        print("divide(1, 0):", rpclab.fault_line(fault))
    try:
        proxy.get("no such key")
    except xmlrpc.client.Fault as fault:
        print("get('no such key'):", rpclab.fault_line(fault))

    reply = proxy.reverse_bytes(b"\x00\x01\xfeRPC")
    print(f"reverse_bytes: sent bytes, got {type(reply).__name__} {reply.data!r}")

    print("describe(Point(1, 2)) =", proxy.describe(Point(1, 2)))   # an instance: a dict
    print("describe((1, 2)) =", proxy.describe((1, 2)))             # a tuple: a list
    print("describe(None) =", proxy.describe(None))                 # only with allow_none
    try:
        proxy.describe(2**40)
    except OverflowError as exc:   # refused before sending: <int> is 32 bits
        print("describe(2**40) not sent:", exc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("host", help="where xmlrpc_server.py runs, e.g. www")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--word", default="three calls", help="the word the multicall sends")
    args = parser.parse_args()
    tour(rpclab.proxy(args.host, args.port, allow_none=True), args.word)


if __name__ == "__main__":
    labkit.main(main)
