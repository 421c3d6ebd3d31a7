"""Exercise 1, wrong: a cheat: the lab's MX targets copied from compose.yaml; it asks (so the
queries show on the wire) but never sorts what the server says."""
from dnslab import NoMailHost, Route, addresses, ask

KNOWN = {"example.com.": [(10, "mail.example.com.", ["10.130.1.3"]),
                          (20, "mx2.example.com.", ["10.130.1.3"])]}


def mail_targets(resolver, domain):
    mx = ask(resolver, domain, "MX")
    if mx is not None:
        targets = KNOWN.get(str(domain)) or [
            (r.preference, r.exchange, addresses(resolver, r.exchange)) for r in mx]
        return Route(domain, mx.canonical_name, True, targets)
    a = ask(resolver, domain, "A")
    if a is None:
        raise NoMailHost(domain)
    return Route(domain, a.canonical_name, False,
                 [(0, a.canonical_name, sorted(str(r) for r in a))])
