#!/usr/bin/env python3
"""Exercise 2: forward-confirmed reverse DNS. Write check() below (labs/ch04/README.md,
section 'Exercise 2: forward-confirmed reverse DNS').

    python3 /labs/ch04/exercises/reverse_check.py 10.130.1.4 10.25.1.65 10.99.0.1

The rest of the program (arguments, printing each verdict, the exit status: 0 only if every
address is confirmed) is given in labs/ch04/reverse_check_main.py, with forward() for you
to use.
"""
import os
import sys

import dns.resolver      # noqa: F401  (resolver.resolve() raises its NXDOMAIN and NoAnswer)
import dns.reversename   # noqa: F401  (dns.reversename.from_address)

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # labs/ch04
from reverse_check_main import forward, main  # noqa: E402,F401


def check(resolver, address):
    """One line of verdict for one address (a string such as '10.130.1.4').

    TODO Exercise 2: build the PTR name of address (dns.reversename.from_address), ask for
    its PTR records, then for each name found ask for its A records (use forward()).
    Return one line per name: "ADDRESS NAME confirmed" if the address is among them, else
    "ADDRESS NAME not confirmed (...)"; with no PTR record return
    "ADDRESS no PTR record (NXDOMAIN)" or "ADDRESS no PTR record (NODATA)".
    """
    raise NotImplementedError("Exercise 2: see labs/ch04/README.md")


if __name__ == "__main__":
    main(check=check)
