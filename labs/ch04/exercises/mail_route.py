"""Exercise 1: where does mail go? (labs/ch04/README.md). Run it with
`python3 /labs/ch04/mail_route.py example.com`."""
from dnslab import NoMailHost, Route, addresses, ask


def mail_targets(resolver, domain):
    """TODO: return the Route for mail to `domain` (a dns.name.Name).

    - Ask for the MX records of domain (use ask()). If there are some, sort them by
      preference, find each exchange's addresses (use addresses()) and return
      Route(domain, <the answer's canonical_name>, True, [(preference, exchange, addresses)]).
    - If there are none (NODATA), fall back to the A records of domain itself, as
      preference 0: Route(domain, <canonical_name>, False, [(0, <canonical_name>, addresses)]).
    - If there is neither MX nor A, raise NoMailHost(domain).
    - NXDOMAIN: let dns.resolver.NXDOMAIN propagate; the program explains it.
    """
    raise NotImplementedError
