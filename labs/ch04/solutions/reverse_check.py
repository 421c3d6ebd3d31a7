"""Exercise 2, the reference solution."""
import dns.resolver
import dns.reversename

from dnslab import forward


def check(resolver, address):
    ptr_name = dns.reversename.from_address(address)   # 4.1.130.10.in-addr.arpa.
    try:
        names = [r.target for r in resolver.resolve(ptr_name, "PTR")]
    except dns.resolver.NXDOMAIN:
        return f"{address} no PTR record (NXDOMAIN)"
    except dns.resolver.NoAnswer:
        return f"{address} no PTR record (NODATA)"
    verdicts = []
    for name in names:
        found = forward(resolver, name)
        if address in found:
            verdicts.append(f"{address} {name} confirmed")
        else:
            # Anyone who controls a reverse zone can claim any name: only the forward zone
            # of that name can vouch for it.
            verdicts.append(f"{address} {name} not confirmed ({name} has A "
                            f"{', '.join(found) or 'none'})")
    return "\n".join(verdicts)
