"""Exercise 2, wrong: a cheat: it asks (so the queries show on the wire) but confirms every
PTR name without comparing, trusting that the lab's zone is honest."""
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
    names = [r.target for r in answer]
    for name in names:
        forward(resolver, name)   # for the capture
    return "\n".join(f"{address} {name} confirmed" for name in names)
