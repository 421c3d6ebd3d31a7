"""The benchmark's two halves, inside the hosts (bench.py runs them): `server` on www offers
add() over XML-RPC, JSON-RPC, a multiprocessing connection and RPyC at once; `client` on h1
makes the same N calls over each and prints one JSON line of seconds per protocol."""
import argparse
import json
import threading
import time
import xmlrpc.client
from multiprocessing.connection import Client, Listener
from xmlrpc.server import SimpleXMLRPCServer

import jsonrpclib
import rpyc
from jsonrpclib.SimpleJSONRPCServer import SimpleJSONRPCServer
from rpyc.utils.server import ThreadedServer

import labkit
import rpclab

XMLRPC_PORT, JSONRPC_PORT, MP_PORT, RPYC_PORT = 18090, 18091, 18092, 18093
AUTHKEY = b"benchmark"   # the figures include the challenge; the key guards nothing here


class AddService(rpyc.Service):
    def exposed_add(self, a, b):
        return rpclab.add(a, b)


def serve_mp(port: int) -> None:
    listener = Listener(("", port), authkey=AUTHKEY)
    while True:
        with listener.accept() as conn:   # one client at a time is enough here
            try:
                while True:
                    name, args = conn.recv()
                    conn.send(rpclab.FUNCTIONS[name](*args))
            except EOFError:
                pass


def serve() -> None:
    servers = [SimpleXMLRPCServer(("", XMLRPC_PORT), logRequests=False),
               SimpleJSONRPCServer(("", JSONRPC_PORT), logRequests=False)]
    for server in servers:
        server.register_function(rpclab.add)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    threading.Thread(target=serve_mp, args=(MP_PORT,), daemon=True).start()
    ThreadedServer(AddService, port=RPYC_PORT).start()   # last: its port says all are up


def timed(calls: int, add) -> float:
    start = time.perf_counter()
    for i in range(calls):
        assert add(i, i) == 2 * i
    return time.perf_counter() - start


def client(host: str, calls: int) -> None:
    # Each XML-RPC and JSON-RPC call is a POST on a new TCP connection: their servers speak
    # HTTP/1.0. The multiprocessing and RPyC clients keep one connection for all calls.
    xml = xmlrpc.client.ServerProxy(f"http://{host}:{XMLRPC_PORT}/RPC2")
    jsn = jsonrpclib.ServerProxy(f"http://{host}:{JSONRPC_PORT}")
    conn = Client((host, MP_PORT), authkey=AUTHKEY)

    def mp_add(a, b):
        conn.send(("add", (a, b)))
        return conn.recv()

    remote = rpyc.connect(host, RPYC_PORT)
    seconds = {"XML-RPC": timed(calls, xml.add), "JSON-RPC": timed(calls, jsn.add),
               "multiprocessing": timed(calls, mp_add), "RPyC": timed(calls, remote.root.add)}
    conn.close()
    remote.close()
    print(json.dumps(seconds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    roles = parser.add_subparsers(dest="role", required=True)
    roles.add_parser("server")
    caller = roles.add_parser("client")
    caller.add_argument("host")
    caller.add_argument("--calls", type=labkit.positive, default=1000)
    args = parser.parse_args()
    if args.role == "server":
        serve()
    else:
        client(args.host, args.calls)


if __name__ == "__main__":
    labkit.main(main)
