#!/usr/bin/env python3
"""Exercise 2, reference solution: check() (labs/ch04/README.md, section 'Exercise 2').

    python3 /labs/ch04/solutions/reverse_check.py 10.130.1.4 10.25.1.65 10.99.0.1

The rest of the program is in labs/ch04/reverse_check_main.py.
"""
import os
import sys

import dns.resolver
import dns.reversename

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # labs/ch04
from reverse_check_main import forward, main  # noqa: E402


def check(resolver, address):
    """One line of verdict for one address (a string such as '10.130.1.4')."""
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


if __name__ == "__main__":
    main(check=check)
