"""Forward-confirmed reverse DNS: address -> PTR name -> A records, which must hold the address.

The program of Exercise 2 except the part you write: labs/ch04/exercises/reverse_check.py
holds check() and hands it to main() here, which reads the arguments, prints each verdict and
sets the exit status.

    python3 /labs/ch04/exercises/reverse_check.py 10.130.1.4 10.25.1.65 10.99.0.1

One line per address: `ADDRESS NAME confirmed`, `ADDRESS NAME not confirmed (...)` or
`ADDRESS no PTR record (NXDOMAIN|NODATA)`. The exit status is 0 only if every address is
confirmed. Servers do this check to see whether a client's name can be trusted at all.
"""
import argparse
import ipaddress
import sys

import dns.exception
import dns.resolver


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("addresses", nargs="+", metavar="ADDRESS", help="IPv4 addresses")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per address")
    args = parser.parse_args()
    if args.timeout <= 0:
        parser.error("--timeout must be a positive number of seconds")
    return args


def forward(resolver, name):
    """The IPv4 addresses of name, [] if it has none or does not exist."""
    try:
        return sorted(str(r) for r in resolver.resolve(name, "A"))
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
        return []


def main(check):
    """Run reverse_check.py with `check(resolver, address)` -> its verdict lines."""
    args = parse_args()
    for text in args.addresses:
        try:
            ipaddress.IPv4Address(text)
        except ValueError:
            sys.exit(f"reverse_check.py: {text!r} is not an IPv4 address")
    resolver = dns.resolver.Resolver()   # the lab DNS, from /etc/resolv.conf
    resolver.lifetime = args.timeout
    all_confirmed = True
    for address in args.addresses:
        try:
            verdict = check(resolver, address)
        except dns.exception.Timeout:
            sys.exit(f"reverse_check.py: no answer from the DNS server for {address}")
        except dns.resolver.NoNameservers as exc:
            sys.exit(f"reverse_check.py: the DNS server failed for {address}: {exc}")
        print(verdict)
        all_confirmed &= all(line.endswith(" confirmed") for line in verdict.splitlines())
    sys.exit(0 if all_confirmed else 1)
