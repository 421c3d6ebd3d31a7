"""XML-RPC over HTTPS both ways verified (Python Cookbook 11.10): the server on www shows
the lab certificate and accepts only clients with a certificate from the lab CA; the client
checks the server's name and presents the student certificate.
    docker exec www python3 /labs/ch18/xmlrpc_tls.py server
    docker exec h1 python3 /labs/ch18/xmlrpc_tls.py client www.example.com colour blue
    docker exec h1 python3 /labs/ch18/xmlrpc_tls.py client www.example.com colour blue --no-cert"""
import argparse
import ssl
from xmlrpc.client import ServerProxy
from xmlrpc.server import SimpleXMLRPCRequestHandler, SimpleXMLRPCServer

import labkit
import rpclab
from xmlrpc_server import KeyValueStore

PORT = 18010


class CallerLoggingHandler(SimpleXMLRPCRequestHandler):
    """Says who called: the commonName of the certificate the client proved it holds."""

    def do_POST(self):
        subject = dict(pair[0] for pair in self.connection.getpeercert()["subject"])
        print(f"a call from {subject['commonName']} at {self.client_address[0]}", flush=True)
        super().do_POST()


def server_context() -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(rpclab.SERVER_CERT, rpclab.SERVER_KEY)
    context.load_verify_locations(rpclab.CA)    # a server context loads no CA by itself
    context.verify_mode = ssl.CERT_REQUIRED      # and asks for no client certificate
    return context


def serve(port: int) -> None:
    server = SimpleXMLRPCServer(("", port), requestHandler=CallerLoggingHandler,
                                logRequests=False)
    # Every accepted socket does its handshake in accept(); one that fails raises an
    # SSLError (an OSError), which socketserver drops, and the server goes on.
    server.socket = server_context().wrap_socket(server.socket, server_side=True)
    server.register_instance(KeyValueStore())
    print(f"XML-RPC over TLS on port {port}", flush=True)
    server.serve_forever()


def client(host: str, port: int, key: str, value: str, certificate: bool) -> None:
    context = ssl.create_default_context()   # verifies the server and its name
    if certificate:
        context.load_cert_chain(rpclab.CLIENT_CERT, rpclab.CLIENT_KEY)
    store = ServerProxy(f"https://{host}:{port}/RPC2", context=context)
    try:
        store.set(key, value)
        print(f"get({key!r}) = {store.get(key)!r}; keys: {store.keys()}")
    except ssl.SSLCertVerificationError as exc:
        labkit.fail(f"refused the server: {exc.verify_message}")
    except (ssl.SSLError, ConnectionError) as exc:
        # TLS 1.3: the client's handshake ends before the server has checked the client's
        # certificate, so a refusal arrives as an alert, or a closed connection, later
        labkit.fail(f"refused by the server: {getattr(exc, 'reason', None) or exc}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    roles = parser.add_subparsers(dest="role", required=True)
    roles.add_parser("server", help="on www")
    caller = roles.add_parser("client")
    caller.add_argument("host", help="the name the certificate must carry: www.example.com")
    caller.add_argument("key")
    caller.add_argument("value")
    caller.add_argument("--no-cert", dest="cert", action="store_false",
                        help="present no client certificate (the server refuses)")
    args = parser.parse_args()
    if args.role == "server":
        serve(args.port)
    else:
        client(args.host, args.port, args.key, args.value, args.cert)


if __name__ == "__main__":
    labkit.main(main)
