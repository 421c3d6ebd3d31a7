"""Exercise 1: a TLS client that trusts a server only if its certificate is signed by a CA
in the system store AND names the host we asked for.

Prints "verified HOST:PORT: ..." and exits 0, or "refused HOST:PORT: REASON" and exits 1.
--address connects elsewhere while still checking HOST: what a spoofed DNS answer does.
The connection itself is verified_connection(), the student's, in exercises/verify_client.py."""

import ssl

import labkit
import tlslab

verified_connection = labkit.answer("verify_client").verified_connection


def main():
    args = tlslab.client_parser(__doc__.splitlines()[0], 443).parse_args()
    where = f"{args.host}:{args.port}"
    try:
        with verified_connection(args.host, args.port, args.address) as tls:
            cert = tls.getpeercert()
            names = ", ".join(tlslab.dns_names(cert))
            print(f"verified {where}: {tls.version()}, certificate for {names} "
                  f"issued by {tlslab.name_of(cert, 'issuer')}")
    except ssl.SSLError as exc:
        labkit.fail(f"refused {where}: {tlslab.explain(exc)}")
    except OSError as exc:
        labkit.fail(f"cannot connect to {where}: {tlslab.explain(exc)}")


if __name__ == "__main__":
    labkit.main(main)
