"""Exercise 2: a mutual-TLS server for www. It demands a client certificate signed by a CA
(by default the lab CA, not the system store's), learns who the client is from that
certificate, and greets it by name.

Each client sends one line and gets back "hello CN: you sent LINE". A client without a
valid certificate is refused (logged) and the server carries on with the next one.
The context and the identity are mtls_context() and client_identity(), the student's, in
exercises/mtls_server.py."""

import ssl

import labkit
import tlslab

student = labkit.answer("mtls_server")


def greet(tls, where):
    """Tell the client who the certificate says it is."""
    who = student.client_identity(tls)
    line = tlslab.read_line(tls)
    print(f"{where}: client certificate says {who!r}; received {line!r}", flush=True)
    tls.sendall(f"hello {who}: you sent {line}\n".encode())


def main():
    parser = tlslab.server_parser(__doc__.splitlines()[0], 6020)
    parser.add_argument("--client-ca", default=tlslab.CA_FILE,
                        help="CA that client certificates must be signed by (default: the lab CA)")
    args = parser.parse_args()
    try:
        context = student.mtls_context(args.cert, args.key, args.client_ca)
    except (OSError, ssl.SSLError) as exc:
        labkit.fail(f"cannot load {args.cert}, {args.key} or {args.client_ca}: "
                    f"{tlslab.explain(exc)}")
    with tlslab.listen(args.host, args.port) as listener:
        print(f"serving mutual TLS on {args.host}:{args.port}", flush=True)
        tlslab.serve_tls(listener, context, greet)


if __name__ == "__main__":
    labkit.main(main)
