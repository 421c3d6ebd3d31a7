"""Exercise 1, the reference solution."""
from dnslab import NoMailHost, Route, addresses, ask


def mail_targets(resolver, domain):
    mx = ask(resolver, domain, "MX")
    if mx is not None:
        # Preferences are numbers: 5 comes before 10 (as text, "10" < "5").
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
