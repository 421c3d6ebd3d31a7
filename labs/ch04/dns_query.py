"""Ask a DNS server directly (no system resolver, no search list) and print what it answers.

    python3 /labs/ch04/dns_query.py example.com                 # A AAAA MX CNAME NS SOA TXT
    python3 /labs/ch04/dns_query.py example.com MX TXT
    python3 /labs/ch04/dns_query.py -x 10.130.1.4               # PTR
    python3 /labs/ch04/dns_query.py --tcp example.com SOA       # DNS over TCP/53
"""
import argparse

import dns.name
import dns.rdatatype
import dns.rcode
import dns.message
import dns.reversename

import labkit
from dnslab import NETWORK_ERRORS, exchange, explain, rcode_text, server_address

ALL_TYPES = ["A", "AAAA", "MX", "CNAME", "NS", "SOA", "TXT"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("name", help="the name to look up (taken as absolute), "
                                     "or an IPv4 address with -x")
    parser.add_argument("types", nargs="*", metavar="TYPE",
                        help=f"record types (default: {' '.join(ALL_TYPES)})")
    parser.add_argument("-x", "--reverse", action="store_true",
                        help="NAME is an address: ask for its PTR record")
    parser.add_argument("--server", help="DNS server name or address "
                                         "(default: the nameserver in /etc/resolv.conf)")
    parser.add_argument("--port", type=labkit.port, default=53,
                        help="DNS server port (default 53)")
    parser.add_argument("--tcp", action="store_true", help="use TCP from the start")
    parser.add_argument("--payload", type=int, default=1232,
                        help="EDNS UDP payload size to offer; 0 sends no EDNS (512 bytes max)")
    parser.add_argument("--timeout", type=labkit.seconds, default=2.0,
                        help="seconds to wait for each try (3 tries over UDP)")
    return parser.parse_args()


def question(args):
    """(name, [types]) to ask, from the command line."""
    try:
        if args.reverse:
            return dns.reversename.from_address(args.name), ["PTR"]
        name = dns.name.from_text(args.name)
    except (dns.exception.SyntaxError, ValueError) as exc:
        labkit.fail(f"{args.name!r} is not a valid {'address' if args.reverse else 'name'}: {exc}")
    types = [t.upper() for t in args.types] or ALL_TYPES
    for t in types:
        try:
            dns.rdatatype.from_text(t)
        except dns.rdatatype.UnknownRdatatype:
            labkit.fail(f"unknown record type {t!r}")
    return name, types


def show(name, rdtype, response, how):
    """Print one answer: its records, or why there are none."""
    print(f";; {name} {rdtype}: {rcode_text(response)}, {how}, "
          f"{len(response.to_wire())} bytes")
    if response.rcode() == dns.rcode.NXDOMAIN:
        print(f"{name} {rdtype}: no such name (NXDOMAIN)")
    elif response.rcode() != dns.rcode.NOERROR:
        print(f"{name} {rdtype}: server answered {rcode_text(response)}")
    for rrset in response.answer:   # a CNAME comes first, then the records of its target
        for rdata in rrset:
            print(f"{rrset.name} {dns.rdatatype.to_text(rrset.rdtype)} {rdata}")
    wanted = dns.rdatatype.from_text(rdtype)
    if response.rcode() == dns.rcode.NOERROR and wanted != dns.rdatatype.ANY and \
            not any(r.rdtype == wanted for r in response.answer):
        # After a CNAME the missing records belong to its target, not to the name asked.
        final = getattr(response.answer[-1][0], "target", name) if response.answer else name
        print(f"{final} {rdtype}: the name exists but has no {rdtype} record (NODATA)")


def main():
    args = parse_args()
    name, types = question(args)
    server = server_address(args.server)
    use_edns = 0 if args.payload > 0 else -1   # -1: a plain 512-byte DNS query
    for rdtype in types:
        query = dns.message.make_query(name, rdtype, use_edns=use_edns,
                                       payload=max(args.payload, 512))
        try:
            response, how = exchange(query, server, args.port, args.timeout, args.tcp)
        except NETWORK_ERRORS as exc:
            labkit.fail(explain(exc, f"{server} port {args.port}"))
        show(name, rdtype, response, how)


if __name__ == "__main__":
    labkit.main(main)
