"""Report what a TLS handshake negotiated: protocol version, cipher, the server certificate's
subject, issuer and names, and whether the name you asked for matches them.

The certificate is verified against the system store before anything is reported; a server
that fails verification is reported with the reason, and the exit status is 1."""

import argparse
import ipaddress

import labkit
import tlslab


def name_matches(wanted, names):
    """Which certificate name covers `wanted` (exact, or one left-most '*' label), or None.
    The ssl module has already checked this; we show WHICH name it was."""
    wanted = wanted.lower().rstrip(".")
    for name in names:
        pattern = name.lower()
        if pattern == wanted:
            return name
        if pattern.startswith("*.") and "." in wanted:
            if wanted.split(".", 1)[1] == pattern[2:]:
                return name
    return None


def report(tls, host):
    """Print the negotiated parameters and the name match."""
    for label, value in tlslab.handshake_summary(tls):
        print(f"{label + ':':13} {value}")
    try:
        ipaddress.ip_address(host)
        print(f"{'hostname:':13} {host} is an address; it matched an IP entry of the certificate")
        return
    except ValueError:
        pass
    match = name_matches(host, tlslab.dns_names(tls.getpeercert()))
    print(f"{'hostname:':13} {host} matches {match!r}" if match
          else f"{'hostname:':13} {host}: no matching name (unexpected after verification)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="server name to verify, e.g. www.example.com")
    parser.add_argument("--port", type=labkit.port, default=443,
                        help="TCP port (default: 443)")
    parser.add_argument("--address", help="connect here instead of to host's DNS address "
                        "(the name checked stays host: what a spoofed DNS answer would do)")
    parser.add_argument("--max-version", choices=sorted(tlslab.VERSIONS),
                        help="highest TLS version to offer (default: the newest)")
    args = parser.parse_args()
    context = tlslab.client_context(args.max_version)
    where = f"{args.host}:{args.port}" + (f" at {args.address}" if args.address else "")
    try:
        with tlslab.open_tls(context, args.host, args.port, args.address) as tls:
            print(f"{'server:':13} {where}, verified against the system trust store")
            report(tls, args.host)
    except OSError as exc:
        labkit.fail(f"{where}: {tlslab.explain(exc)}")


if __name__ == "__main__":
    labkit.main(main)
