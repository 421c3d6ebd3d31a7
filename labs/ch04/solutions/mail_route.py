#!/usr/bin/env python3
"""Exercise 1, reference solution: mail_targets() (labs/ch04/README.md, section 'Exercise 1').

    python3 /labs/ch04/solutions/mail_route.py example.com

The rest of the program is in labs/ch04/mail_route_main.py.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # labs/ch04
from mail_route_main import NoMailHost, Route, addresses, ask, main  # noqa: E402


def mail_targets(resolver, domain):
    """The Route for mail to `domain` (a dns.name.Name)."""
    mx = ask(resolver, domain, "MX")
    if mx is not None:
        records = sorted(mx, key=lambda r: (r.preference, str(r.exchange)))
        targets = [(r.preference, r.exchange, addresses(resolver, r.exchange))
                   for r in records]
        return Route(domain, mx.canonical_name, True, targets)
    # No MX (NODATA): RFC 5321 says deliver to the domain's own address, as if MX 0.
    a = ask(resolver, domain, "A")
    if a is None:
        raise NoMailHost(domain)
    return Route(domain, a.canonical_name, False,
                 [(0, a.canonical_name, sorted(str(r) for r in a))])


if __name__ == "__main__":
    main(mail_targets=mail_targets)
