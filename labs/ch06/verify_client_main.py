"""Exercise 1: a TLS client that trusts a server only if its certificate is signed by a CA
in the system store AND names the host we asked for.

Prints "verified HOST:PORT: ..." and exits 0, or "refused HOST:PORT: REASON" and exits 1.
--address connects elsewhere while still checking HOST: what a spoofed DNS answer does.

This is the given part of exercises/verify_client.py (and solutions/verify_client.py):
arguments, the report and the error messages. Those files hold only verified_connection()
and hand it to main()."""

import ssl

import tlslab


def main(verified_connection):
    """Run the client with verified_connection(host, port, address) -> a verified TLS socket."""
    args = tlslab.client_parser(__doc__.splitlines()[0], 443).parse_args()
    where = f"{args.host}:{args.port}"
    try:
        with verified_connection(args.host, args.port, args.address) as tls:
            cert = tls.getpeercert()
            print(f"verified {where}: {tls.version()}, certificate for "
                  f"{', '.join(tlslab.dns_names(cert))} issued by {tlslab.name_of(cert, 'issuer')}")
    except ssl.SSLError as exc:
        tlslab.die(f"refused {where}: {tlslab.explain(exc)}")
    except OSError as exc:
        tlslab.die(f"cannot connect to {where}: {tlslab.explain(exc)}")
