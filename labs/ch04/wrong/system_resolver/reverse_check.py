"""Exercise 2, wrong: ignores the resolver it is given and asks the system's DNS server."""
import dns.resolver
import dns.reversename

from dnslab import forward


def check(resolver, address):
    try:
        answer = dns.resolver.resolve(dns.reversename.from_address(address), "PTR")
    except dns.resolver.NXDOMAIN:
        return f"{address} no PTR record (NXDOMAIN)"
    except dns.resolver.NoAnswer:
        return f"{address} no PTR record (NODATA)"
    lines = []
    for name in (r.target for r in answer):
        found = forward(dns.resolver.get_default_resolver(), name)
        lines.append(f"{address} {name} confirmed" if address in found else
                     f"{address} {name} not confirmed ({name} has A {', '.join(found) or 'none'})")
    return "\n".join(lines)
