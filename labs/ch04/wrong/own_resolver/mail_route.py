"""Exercise 1, wrong: ignores the resolver it is given and asks the system's DNS server."""
import dns.resolver

from dnslab import NoMailHost, Route, addresses, ask

system = dns.resolver.Resolver()   # /etc/resolv.conf, whatever --server says


def mail_targets(resolver, domain):
    mx = ask(system, domain, "MX")
    if mx is not None:
        records = sorted(mx, key=lambda r: r.preference)
        targets = [(r.preference, r.exchange, addresses(system, r.exchange)) for r in records]
        return Route(domain, mx.canonical_name, True, targets)
    a = ask(system, domain, "A")
    if a is None:
        raise NoMailHost(domain)
    return Route(domain, a.canonical_name, False,
                 [(0, a.canonical_name, sorted(str(r) for r in a))])
