"""Exercise 2, wrong: says NXDOMAIN whenever there is no PTR record, NODATA too."""
import dns.resolver
import dns.reversename

from dnslab import forward


def check(resolver, address):
    try:
        answer = resolver.resolve(dns.reversename.from_address(address), "PTR")
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
        return f"{address} no PTR record (NXDOMAIN)"
    lines = []
    for name in (r.target for r in answer):
        found = forward(resolver, name)
        lines.append(f"{address} {name} confirmed" if address in found else
                     f"{address} {name} not confirmed ({name} has A {', '.join(found) or 'none'})")
    return "\n".join(lines)
