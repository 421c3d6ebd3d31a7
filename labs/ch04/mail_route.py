"""Where does mail for a domain go? Its MX records by preference, else its own address (A).

Exercise 1's program: it reads the arguments, asks mail_targets() (yours, in
exercises/mail_route.py) for the Route, prints the targets and turns each failure into one
line on stderr with its own exit status.

    python3 /labs/ch04/mail_route.py example.com        # two MX, 10 before 20
    python3 /labs/ch04/mail_route.py www.example.com    # no MX: falls back to A
    python3 /labs/ch04/mail_route.py smtp.example.com   # an alias (CNAME)
    python3 /labs/ch04/mail_route.py nosuch.example.com # NXDOMAIN
    python3 /labs/ch04/mail_route.py --server www --port 4054 shop.test   # zone_server.py

Each delivery target is printed as one line `PREFERENCE HOST ADDRESS...`, best first.
"""
import argparse

import dns.exception
import dns.name
import dns.resolver

import labkit
from dnslab import NoMailHost, add_server_options, stub_resolver

mail_targets = labkit.answer("mail_route").mail_targets
NXDOMAIN_STATUS, NODATA_STATUS = 2, 4   # 3 is labkit's "exercise not done yet"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("domain", help="the mail domain (the part after @), taken as absolute")
    add_server_options(parser)
    return parser.parse_args()


def report(route):
    if route.canonical != route.asked:
        print(f"{route.asked} is an alias (CNAME) of {route.canonical}")
    if not route.via_mx:
        print(f"{route.canonical} has no MX record (NODATA): "
              "delivering to its own address (A), preference 0")
    for preference, host, addrs in route.targets:
        print(f"{preference} {host} {' '.join(addrs) or '(no address: this MX is broken)'}")


def main():
    args = parse_args()
    try:
        domain = dns.name.from_text(args.domain)
    except dns.exception.SyntaxError as exc:
        labkit.fail(f"{args.domain!r} is not a valid domain name: {exc}")
    resolver = stub_resolver(args.server, args.port, args.timeout)
    try:
        report(mail_targets(resolver, domain))
    except dns.resolver.NXDOMAIN:
        labkit.fail(f"{domain}: no such domain (NXDOMAIN): mail to it cannot be delivered",
                    NXDOMAIN_STATUS)
    except NoMailHost:
        labkit.fail(f"{domain} exists but has neither MX nor A records (NODATA): "
                    "nowhere to deliver", NODATA_STATUS)
    except dns.resolver.NoNameservers as exc:
        labkit.fail(f"the DNS server failed to answer for {domain}: {exc}")
    except dns.exception.Timeout:
        labkit.fail(f"no answer from the DNS server within {args.timeout} s")


if __name__ == "__main__":
    labkit.main(main)
