"""A TLS client that verifies the server with the system store (which trusts the lab CA),
sends one line and prints the answer.

--max-version 1.2 forbids TLS 1.3, so the server's certificate crosses the wire in clear
(in TLS 1.3 it is encrypted). --cert/--key present a client certificate (mutual TLS)."""

import argparse

import labkit
import tlslab


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="server name, checked against its certificate")
    parser.add_argument("--port", type=labkit.port, default=6000,
                        help="TCP port (default: 6000)")
    parser.add_argument("--message", default="hello over TLS", help="the line to send")
    parser.add_argument("--max-version", choices=sorted(tlslab.VERSIONS),
                        help="highest TLS version to offer (default: the newest)")
    parser.add_argument("--cert", help="client certificate (PEM), e.g. " + tlslab.CLIENT_CERT)
    parser.add_argument("--key", help="its private key (default: in the --cert file)")
    args = parser.parse_args()
    if args.key and not args.cert:
        parser.error("--key needs --cert")
    try:
        context = tlslab.client_context(args.max_version, args.cert, args.key)
    except OSError as exc:
        labkit.fail(f"cannot load client certificate: {tlslab.explain(exc)}")
    try:
        with tlslab.open_tls(context, args.host, args.port) as tls:
            print(f"connected to {args.host}:{args.port} with {tls.version()}, "
                  f"{tls.cipher()[0]}")
            tls.sendall(args.message.encode() + b"\n")
            # TLS 1.3 servers judge a client certificate after the handshake: a refusal
            # shows up here, as an alert instead of the answer.
            reply = tlslab.read_line(tls)
    except OSError as exc:
        labkit.fail(f"{args.host}:{args.port}: {tlslab.explain(exc)}")
    except EOFError:
        labkit.fail(f"{args.host}:{args.port}: the server closed without answering")
    print(reply)


if __name__ == "__main__":
    labkit.main(main)
