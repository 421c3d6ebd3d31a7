"""Exercise 2: forward-confirmed reverse DNS (labs/ch04/README.md). Run it with
`python3 /labs/ch04/reverse_check.py 10.130.1.4`."""
import dns.resolver     # resolver.resolve() raises its NXDOMAIN and NoAnswer
import dns.reversename  # dns.reversename.from_address()

from dnslab import forward


def check(resolver, address):
    """TODO: return the verdict for one address (a string such as '10.130.1.4').

    Build the PTR name of address (dns.reversename.from_address), ask for its PTR records
    (resolver.resolve), then for each name found ask for its A records (use forward()).
    Return one line per name: "ADDRESS NAME confirmed" if the address is among them, else
    "ADDRESS NAME not confirmed (...)" saying why; with no PTR record return
    "ADDRESS no PTR record (NXDOMAIN)" or "ADDRESS no PTR record (NODATA)".
    """
    raise NotImplementedError
