#!/usr/bin/env python3
"""Exercise 2: a mutual-TLS server for www. It demands a client certificate signed by a CA
of the system store, learns who the client is from that certificate, and greets it by name.

Each client sends one line and gets back "hello CN: you sent LINE". A client without a
valid certificate is refused (logged) and the server carries on with the next one."""

import argparse
import ssl
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the chapter's tlslab
import tlslab  # noqa: E402


def mtls_context(cert, key, client_ca):
    """A server context that presents cert/key and REQUIRES a client certificate signed by
    the CA in the file client_ca."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.verify_mode = ssl.CERT_REQUIRED  # a server's default is CERT_NONE
    # A server context loads no CA at all (its default mode asks for no client certificate).
    # Trust only our own CA: a client certificate from any public CA proves nothing here.
    context.load_verify_locations(cafile=client_ca)
    return context


def client_identity(tls):
    """The commonName of the client's (already verified) certificate."""
    return tlslab.common_name(tls.getpeercert())


def greet(tls, where):
    """Tell the client who the certificate says it is."""
    who = client_identity(tls)
    line = tlslab.read_line(tls)
    print(f"{where}: client certificate says {who!r}; received {line!r}", flush=True)
    tls.sendall(f"hello {who}: you sent {line}\n".encode())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="0.0.0.0", help="address to listen on (default: all)")
    parser.add_argument("--port", type=tlslab.port_number, default=6020,
                        help="TCP port (default: 6020)")
    parser.add_argument("--cert", default=tlslab.SERVER_CERT, help="server certificate (PEM)")
    parser.add_argument("--key", default=tlslab.SERVER_KEY, help="its private key (PEM)")
    parser.add_argument("--client-ca", default=tlslab.CA_FILE,
                        help="CA that client certificates must be signed by (default: the lab CA)")
    args = parser.parse_args()
    try:
        context = mtls_context(args.cert, args.key, args.client_ca)
    except (OSError, ssl.SSLError) as exc:
        tlslab.die(f"cannot load {args.cert}, {args.key} or {args.client_ca}: "
                   f"{tlslab.explain(exc)}")
    with tlslab.listen(args.host, args.port) as listener:
        print(f"serving mutual TLS on {args.host}:{args.port}", flush=True)
        try:
            tlslab.serve_tls(listener, context, greet)
        except KeyboardInterrupt:
            print("stopped")


if __name__ == "__main__":
    main()
