"""Exercise 1, wrong: when the MX records come through a CNAME, it reports the alias as the
canonical name (the chain is lost)."""
from dnslab import NoMailHost, Route, addresses, ask


def mail_targets(resolver, domain):
    mx = ask(resolver, domain, "MX")
    if mx is not None:
        records = sorted(mx, key=lambda r: r.preference)
        targets = [(r.preference, r.exchange, addresses(resolver, r.exchange)) for r in records]
        return Route(domain, domain, True, targets)
    a = ask(resolver, domain, "A")
    if a is None:
        raise NoMailHost(domain)
    return Route(domain, a.canonical_name, False,
                 [(0, a.canonical_name, sorted(str(r) for r in a))])
