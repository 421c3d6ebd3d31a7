"""Exercise 1, wrong: sorts the MX records as text ("10 ..." < "5 ..."), not by number."""
from dnslab import NoMailHost, Route, addresses, ask


def mail_targets(resolver, domain):
    mx = ask(resolver, domain, "MX")
    if mx is not None:
        records = sorted(mx, key=lambda r: r.to_text())
        targets = [(r.preference, r.exchange, addresses(resolver, r.exchange)) for r in records]
        return Route(domain, mx.canonical_name, True, targets)
    a = ask(resolver, domain, "A")
    if a is None:
        raise NoMailHost(domain)
    return Route(domain, a.canonical_name, False,
                 [(0, a.canonical_name, sorted(str(r) for r in a))])
