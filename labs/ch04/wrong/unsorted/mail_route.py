"""Exercise 1, wrong: keeps the MX records in the order the server sent them."""
from dnslab import NoMailHost, Route, addresses, ask


def mail_targets(resolver, domain):
    mx = ask(resolver, domain, "MX")
    if mx is not None:
        targets = [(r.preference, r.exchange, addresses(resolver, r.exchange)) for r in mx]
        return Route(domain, mx.canonical_name, True, targets)
    a = ask(resolver, domain, "A")
    if a is None:
        raise NoMailHost(domain)
    return Route(domain, a.canonical_name, False,
                 [(0, a.canonical_name, sorted(str(r) for r in a))])
