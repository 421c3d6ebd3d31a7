"""An XML-RPC server: plain functions, an instance whose public methods become remote ones
(the Python Cookbook's key-value store, 11.6), introspection and multicall. On www:
    docker exec www python3 /labs/ch18/xmlrpc_server.py"""
import argparse
from xmlrpc.server import SimpleXMLRPCServer
from xmlrpc.client import Binary

import labkit
import rpclab

PORT = 18000


class KeyValueStore:
    """A dictionary behind XML-RPC. Only the public methods are callable: the dispatcher
    refuses every name that starts with an underscore, so self._data stays private."""

    def __init__(self):
        self._data = {}

    def get(self, key):
        """The value stored under key; a missing key comes back as a Fault."""
        return self._data[key]

    def set(self, key, value):
        """Store value under key. XML-RPC has no None, so it answers True."""
        self._data[key] = value
        return True

    def delete(self, key):
        """Forget key."""
        del self._data[key]
        return True

    def keys(self):
        """Every key, sorted."""
        return sorted(self._data)


def reverse_bytes(data):
    """data's bytes in reverse order. Bytes travel as base64 in a <base64> element and
    arrive here as an xmlrpc.client.Binary (its .data is the bytes); so do they go back."""
    return Binary(data.data[::-1])


def serve(port: int) -> None:
    # allow_none: the <nil/> extension, so None can cross (plain XML-RPC has no such value)
    server = SimpleXMLRPCServer(("", port), allow_none=True)
    server.register_introspection_functions()   # system.listMethods, methodHelp, ...
    server.register_multicall_functions()       # system.multicall: many calls, one POST
    for name, function in rpclab.FUNCTIONS.items():
        server.register_function(function, name)
    server.register_function(reverse_bytes)
    server.register_instance(KeyValueStore())   # what no function answers, the store does
    print(f"XML-RPC on port {port}", flush=True)
    server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    serve(parser.parse_args().port)


if __name__ == "__main__":
    labkit.main(main)
