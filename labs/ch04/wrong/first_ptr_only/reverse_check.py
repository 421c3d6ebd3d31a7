"""Exercise 2, wrong: checks only the first PTR name of an address that has several."""
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
    name = answer[0].target
    found = forward(resolver, name)
    if address in found:
        return f"{address} {name} confirmed"
    return f"{address} {name} not confirmed ({name} has A {', '.join(found) or 'none'})"
