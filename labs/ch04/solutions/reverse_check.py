#!/usr/bin/env python3
"""Forward-confirmed reverse DNS: address -> PTR name -> A records, which must hold the address.

    python3 /labs/ch04/solutions/reverse_check.py 10.130.1.4 10.25.1.65 10.99.0.1

One line per address: `ADDRESS NAME confirmed`, `ADDRESS NAME not confirmed (...)` or
`ADDRESS no PTR record (NXDOMAIN|NODATA)`. The exit status is 0 only if every address is
confirmed. Servers do this check to see whether a client's name can be trusted at all.
"""
import argparse
import ipaddress
import sys

import dns.exception
import dns.resolver
import dns.reversename


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


def check(resolver, address):
    """One line of verdict for one address (a string such as '10.130.1.4')."""
    ptr_name = dns.reversename.from_address(address)   # 4.1.130.10.in-addr.arpa.
    try:
        names = [r.target for r in resolver.resolve(ptr_name, "PTR")]
    except dns.resolver.NXDOMAIN:
        return f"{address} no PTR record (NXDOMAIN)"
    except dns.resolver.NoAnswer:
        return f"{address} no PTR record (NODATA)"
    verdicts = []
    for name in names:
        found = forward(resolver, name)
        if address in found:
            verdicts.append(f"{address} {name} confirmed")
        else:
            # Anyone who controls a reverse zone can claim any name: only the forward zone
            # of that name can vouch for it.
            verdicts.append(f"{address} {name} not confirmed ({name} has A "
                            f"{', '.join(found) or 'none'})")
    return "\n".join(verdicts)


def main():
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


if __name__ == "__main__":
    main()
