#!/usr/bin/env python3
"""Exercise 1: where does mail go? Write mail_targets() below (labs/ch04/README.md, section
'Exercise 1: where does mail go?').

    python3 /labs/ch04/exercises/mail_route.py example.com        # two MX, 10 before 20
    python3 /labs/ch04/exercises/mail_route.py www.example.com    # no MX: falls back to A
    python3 /labs/ch04/exercises/mail_route.py smtp.example.com   # an alias (CNAME)
    python3 /labs/ch04/exercises/mail_route.py nosuch.example.com # NXDOMAIN

The rest of the program (arguments, printing the targets, one stderr line and an exit status
for each failure) is given in labs/ch04/mail_route_main.py, with ask(), addresses(), Route
and NoMailHost for you to use.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # labs/ch04
from mail_route_main import NoMailHost, Route, addresses, ask, main  # noqa: E402,F401


def mail_targets(resolver, domain):
    """The Route for mail to `domain` (a dns.name.Name).

    TODO Exercise 1: ask for the MX records of domain (use ask()).
    - If there are some: sort them by preference, find each exchange's addresses
      (use addresses()) and return Route(domain, <the answer's canonical_name>, True, targets).
    - If there are none (NODATA): fall back to the A records of domain itself, as preference 0,
      and return Route(domain, <canonical_name>, False, [(0, <canonical_name>, addresses)]).
    - If there is neither MX nor A: raise NoMailHost(domain).
    - NXDOMAIN: let dns.resolver.NXDOMAIN propagate; main() explains it.
    """
    raise NotImplementedError("Exercise 1: see labs/ch04/README.md")


if __name__ == "__main__":
    main(mail_targets=mail_targets)
