"""Exercise 2, wrong: confirms a PTR name when it has any A record, not the address itself."""
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
        found = forward(resolver, name)
        lines.append(f"{address} {name} confirmed" if found else
                     f"{address} {name} not confirmed ({name} has no address)")
    return "\n".join(lines)
