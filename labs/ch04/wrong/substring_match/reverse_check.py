"""Exercise 2, wrong: looks for the address as text inside the name's addresses, so 10.1.1.1
matches 10.1.1.10."""
import dns.resolver
import dns.reversename

from dnslab import forward


def check(resolver, address):
    try:
        answer = resolver.resolve(dns.reversename.from_address(address), "PTR")
    except dns.resolver.NXDOMAIN:
        return f"{address} no PTR record (NXDOMAIN)"
    except dns.resolver.NoAnswer:
        return f"{address} no PTR record (NODATA)"
    lines = []
    for name in (r.target for r in answer):
        found = " ".join(forward(resolver, name))
        lines.append(f"{address} {name} confirmed" if address in found else
                     f"{address} {name} not confirmed ({name} has A {found or 'none'})")
    return "\n".join(lines)
