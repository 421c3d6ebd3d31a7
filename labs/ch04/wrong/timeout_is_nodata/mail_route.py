"""Exercise 1, wrong: any DNS failure of the A fallback (a timeout too) becomes "NODATA"."""
import dns.exception

from dnslab import NoMailHost, Route, addresses, ask


def mail_targets(resolver, domain):
    mx = ask(resolver, domain, "MX")
    if mx is not None:
        records = sorted(mx, key=lambda r: r.preference)
        targets = [(r.preference, r.exchange, addresses(resolver, r.exchange)) for r in records]
        return Route(domain, mx.canonical_name, True, targets)
    try:
        a = ask(resolver, domain, "A")
    except dns.exception.DNSException:
        a = None
    if a is None:
        raise NoMailHost(domain)
    return Route(domain, a.canonical_name, False,
                 [(0, a.canonical_name, sorted(str(r) for r in a))])
