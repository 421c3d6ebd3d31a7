"""Where does mail for a domain go? Its MX records by preference, else its own address (A).

The program of Exercise 1 except the part you write: labs/ch04/exercises/mail_route.py holds
mail_targets() and hands it to main() here, which reads the arguments, prints the targets and
turns each failure into one line on stderr and its own exit status.

    python3 /labs/ch04/exercises/mail_route.py example.com        # two MX, 10 before 20
    python3 /labs/ch04/exercises/mail_route.py www.example.com    # no MX: falls back to A
    python3 /labs/ch04/exercises/mail_route.py smtp.example.com   # an alias (CNAME)
    python3 /labs/ch04/exercises/mail_route.py nosuch.example.com # NXDOMAIN

Each delivery target is printed as one line `PREFERENCE HOST ADDRESS...`, best first.
"""
import argparse
import sys
from typing import NamedTuple

import dns.exception
import dns.name
import dns.resolver


class Route(NamedTuple):
    asked: dns.name.Name       # the domain as given
    canonical: dns.name.Name   # the same after following any CNAME
    via_mx: bool               # False: no MX record, the domain's own address is used
    targets: list              # [(preference, host name, [IPv4 addresses])], best first


class NoMailHost(Exception):
    """The domain exists but has neither MX nor A records (NODATA for both)."""


def ask(resolver, name, rdtype):
    """The answer for (name, rdtype), or None when the name exists without such records.

    dnspython follows CNAMEs itself: answer.canonical_name is where the chain ended.
    A name that does not exist raises dns.resolver.NXDOMAIN.
    """
    try:
        return resolver.resolve(name, rdtype)
    except dns.resolver.NoAnswer:
        return None


def addresses(resolver, host):
    """IPv4 addresses of an MX host; [] if it has none (a broken MX, worth showing)."""
    try:
        answer = ask(resolver, host, "A")
    except dns.resolver.NXDOMAIN:
        return []
    return sorted(str(r) for r in answer) if answer else []


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("domain", help="the mail domain (the part after @), taken as absolute")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds for all queries")
    args = parser.parse_args()
    if args.timeout <= 0:
        parser.error("--timeout must be a positive number of seconds")
    return args


def fail(message, status):
    print(f"mail_route.py: {message}", file=sys.stderr)
    sys.exit(status)


def report(route):
    if route.canonical != route.asked:
        print(f"{route.asked} is an alias (CNAME) of {route.canonical}")
    if not route.via_mx:
        print(f"{route.canonical} has no MX record (NODATA): "
              "delivering to its own address (A), preference 0")
    for preference, host, addrs in route.targets:
        print(f"{preference} {host} {' '.join(addrs) or '(no address: this MX is broken)'}")


def main(mail_targets):
    """Run mail_route.py with `mail_targets(resolver, domain)` -> Route."""
    args = parse_args()
    try:
        domain = dns.name.from_text(args.domain)
    except dns.exception.SyntaxError as exc:
        fail(f"{args.domain!r} is not a valid domain name: {exc}", 1)
    resolver = dns.resolver.Resolver()   # the lab DNS, from /etc/resolv.conf
    resolver.lifetime = args.timeout
    try:
        report(mail_targets(resolver, domain))
    except dns.resolver.NXDOMAIN:
        fail(f"{domain}: no such domain (NXDOMAIN): mail to it cannot be delivered", 2)
    except NoMailHost:
        fail(f"{domain} exists but has neither MX nor A records (NODATA): "
             "nowhere to deliver", 3)
    except dns.resolver.NoNameservers as exc:
        fail(f"the DNS server failed to answer for {domain}: {exc}", 1)
    except dns.exception.Timeout:
        fail(f"no answer from the DNS server within {args.timeout} s", 1)
