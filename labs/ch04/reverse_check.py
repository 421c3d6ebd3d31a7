"""Forward-confirmed reverse DNS: address -> PTR name -> A records, which must hold the address.

Exercise 2's program: it reads the arguments, asks check() (yours, in
exercises/reverse_check.py) for each address's verdict, prints it and sets the exit status.

    python3 /labs/ch04/reverse_check.py 10.130.1.4 10.25.1.65 192.168.1.1
    python3 /labs/ch04/reverse_check.py --server www --port 4054 10.9.9.1   # zone_server.py

One line per PTR name: `ADDRESS NAME confirmed` or `ADDRESS NAME not confirmed (...)`, or
`ADDRESS no PTR record (NXDOMAIN|NODATA)`. The exit status is 0 only if every address is
confirmed. Servers do this check to see whether a client's name can be trusted at all.
"""
import argparse
import ipaddress

import dns.exception
import dns.resolver

import labkit
from dnslab import add_server_options, stub_resolver

check = labkit.answer("reverse_check").check


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("addresses", nargs="+", metavar="ADDRESS", type=ipv4,
                        help="IPv4 addresses")
    add_server_options(parser)
    return parser.parse_args()


def ipv4(text):
    """argparse type: an IPv4 address, kept as the text given."""
    try:
        ipaddress.IPv4Address(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an IPv4 address") from None
    return text


def confirmed(address, line):
    """Whether a verdict line is `ADDRESS NAME confirmed` (and not `... not confirmed`)."""
    words = line.split()
    return len(words) == 3 and words[0] == address and words[2] == "confirmed"


def main():
    args = parse_args()
    resolver = stub_resolver(args.server, args.port, args.timeout)
    all_confirmed = True
    for address in args.addresses:
        try:
            verdict = check(resolver, address)
        except dns.exception.Timeout:
            labkit.fail(f"no answer from the DNS server for {address} "
                        f"within {args.timeout} s")
        except dns.resolver.NoNameservers as exc:
            labkit.fail(f"the DNS server failed for {address}: {exc}")
        print(verdict, flush=True)
        all_confirmed &= all(confirmed(address, line) for line in verdict.splitlines())
    raise SystemExit(0 if all_confirmed else 1)


if __name__ == "__main__":
    labkit.main(main)
