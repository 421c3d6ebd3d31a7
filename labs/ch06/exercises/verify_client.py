#!/usr/bin/env python3
"""Exercise 1: a TLS client that trusts a server only if its certificate is signed by a CA
in the system store AND names the host we asked for.

Prints "verified HOST:PORT: ..." and exits 0, or "refused HOST:PORT: REASON" and exits 1.
--address connects elsewhere while still checking HOST: what a spoofed DNS answer does."""

import argparse
import socket  # noqa: F401 (for your code)
import ssl
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the chapter's tlslab
import tlslab  # noqa: E402


def verified_connection(host, port, address=None):
    """Connect to address (default: host) and return a TLS socket whose certificate chain
    ends at a CA of the system store and whose names cover host."""
    # TODO Exercise 1: Make a client context that verifies the certificate chain AND the host name
    # (which ssl function gives you one?), open a TCP connection to address or host,
    # and wrap it, telling the context which name the certificate must carry.
    # Never switch checks off: the grader tries an impostor and a wrong name.
    raise NotImplementedError("Exercise 1: see labs/ch06/README.md")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the server's name, e.g. www.example.com")
    parser.add_argument("--port", type=tlslab.port_number, default=443,
                        help="TCP port (default: 443)")
    parser.add_argument("--address", help="connect to this address instead of host's")
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
