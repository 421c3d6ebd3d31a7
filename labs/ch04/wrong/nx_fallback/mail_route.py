"""Exercise 1, wrong: treats NXDOMAIN like NODATA and asks for the A records anyway."""
import dns.resolver

from dnslab import NoMailHost, Route, addresses, ask


def mail_targets(resolver, domain):
    try:
        mx = ask(resolver, domain, "MX")
    except dns.resolver.NXDOMAIN:
        mx = None
    if mx is not None:
        records = sorted(mx, key=lambda r: r.preference)
        targets = [(r.preference, r.exchange, addresses(resolver, r.exchange)) for r in records]
        return Route(domain, mx.canonical_name, True, targets)
    a = ask(resolver, domain, "A")
    if a is None:
        raise NoMailHost(domain)
    return Route(domain, a.canonical_name, False,
                 [(0, a.canonical_name, sorted(str(r) for r in a))])
