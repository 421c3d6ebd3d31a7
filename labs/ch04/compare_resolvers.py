"""Look a name up twice: through the system resolver (getaddrinfo) and by one direct DNS query.

    python3 /labs/ch04/compare_resolvers.py www.example.com   # the same answer both ways
    python3 /labs/ch04/compare_resolvers.py www               # search domain: only the system
    python3 /labs/ch04/compare_resolvers.py h1                # /etc/hosts: no query on the wire
"""
import argparse
import socket

import dns.message
import dns.name
import dns.rcode
import dns.rdatatype

import labkit
from dnslab import NETWORK_ERRORS, exchange, explain, rcode_text, system_nameserver


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("name", help="a host name, as a user would type it")
    parser.add_argument("--timeout", type=labkit.seconds, default=2.0,
                        help="seconds to wait for each try of the DNS query (3 tries)")
    return parser.parse_args()


def system_lookup(name):
    """(canonical name, addresses) from getaddrinfo, or (None, error text)."""
    try:
        infos = socket.getaddrinfo(name, None, socket.AF_INET, socket.SOCK_STREAM, 0,
                                   socket.AI_CANONNAME)
    except socket.gaierror as exc:
        return None, exc.strerror
    return infos[0][3], sorted({info[4][0] for info in infos})


def direct_lookup(name, server, timeout):
    """(absolute name asked, addresses or the reason there are none) from one A query."""
    try:
        qname = dns.name.from_text(name)   # a name given alone is taken as absolute
    except dns.exception.SyntaxError as exc:
        labkit.fail(f"{name!r} is not a valid DNS name: {exc}")
    # EDNS (an OPT record) marks our query apart from the system's, which sends none.
    query = dns.message.make_query(qname, "A", use_edns=0, payload=1232)
    try:
        response, _ = exchange(query, server, timeout=timeout)
    except NETWORK_ERRORS as exc:
        labkit.fail(explain(exc, server))
    found = sorted(str(r) for rrset in response.answer if rrset.rdtype == dns.rdatatype.A
                   for r in rrset)
    if found:
        return qname, found
    why = "NODATA" if response.rcode() == dns.rcode.NOERROR else rcode_text(response)
    return qname, why


def in_etc_hosts(name):
    with open("/etc/hosts") as f:
        return any(name in line.split("#")[0].split()[1:] for line in f)


def main():
    args = parse_args()
    server = system_nameserver()
    canon, sys_answer = system_lookup(args.name)
    qname, dns_answer = direct_lookup(args.name, server, args.timeout)
    if canon is None:
        print(f"system resolver (getaddrinfo): {args.name} -> failed: {sys_answer}")
    else:
        print(f"system resolver (getaddrinfo): {args.name} -> {canon} {' '.join(sys_answer)}")
    shown = " ".join(dns_answer) if isinstance(dns_answer, list) else dns_answer
    print(f"direct query to {server} (A {qname}): {shown}")
    found_both = canon is not None and sys_answer == dns_answer
    if found_both or (canon is None and not isinstance(dns_answer, list)):
        print("agree" if found_both else "agree: neither finds it")
    else:
        print("differ")
    if in_etc_hosts(args.name):
        print(f"note: {args.name} is in /etc/hosts, which the system reads before DNS "
              "(nsswitch.conf 'hosts: files dns'): its answer needed no query")
    elif canon is not None and not found_both and "." not in args.name.rstrip("."):
        print(f"note: the system resolver appended the search domain of /etc/resolv.conf "
              f"and found {canon}; a direct query asks for exactly what it is given")


if __name__ == "__main__":
    labkit.main(main)
