"""One XML-RPC call from the command line: prints the result's repr, or the Fault in one
line and exits 1. Arguments are JSON when they parse (3, [1, 2], "3"), else text.
    docker exec h1 python3 /labs/ch18/xmlrpc_call.py www add 2 3
    docker exec h1 python3 /labs/ch18/xmlrpc_call.py www system.methodHelp add"""
import argparse
import xmlrpc.client

import labkit
import rpclab

PORT = 18000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("host")
    parser.add_argument("method", help="a remote name, dotted ones too: system.listMethods")
    parser.add_argument("args", nargs="*", type=rpclab.value)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--timeout", type=labkit.seconds, default=5)
    args = parser.parse_args()
    transport = rpclab.TimeoutTransport(args.timeout)
    # What ServerProxy does for proxy.NAME(*args), spelled out, so that any name can be
    # sent: the proxy itself answers names like __init__ without asking the server.
    body = xmlrpc.client.dumps(tuple(args.args), args.method, allow_none=True)
    try:
        result, = transport.request(f"{args.host}:{args.port}", "/RPC2", body.encode())
        print(repr(result))
    except xmlrpc.client.Fault as fault:
        labkit.fail(rpclab.fault_line(fault))


if __name__ == "__main__":
    labkit.main(main)
