"""A small authoritative DNS server (UDP) for records given on the command line.

Try a DNS client against a zone of your own, with answers the lab's BIND would never give:

    www$ python3 /labs/ch04/zone_server.py 'shop.test. MX 20 a.shop.test.' \\
             'shop.test. MX 5 b.shop.test.' 'b.shop.test. A 10.9.9.9' 'shop.test. TXT hi'
    h1$  python3 /labs/ch04/mail_route.py --server www --port 4054 shop.test

Each record is `NAME TYPE DATA` with absolute names. The server answers as an authoritative
server does: the records of an RRset in the order given (a real server may rotate them, so
a client must not rely on any order), a CNAME followed to its target, NXDOMAIN for a name it
does not hold, NODATA (NOERROR, empty answer) for a name without the type asked. With
`--drop 'NAME TYPE'` it never answers that question, like a server that is down. It prints
one line per query: `CLIENT asked NAME TYPE: WHAT IT ANSWERED`.
"""
import argparse
import socket

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rrset
import dns.zone

import labkit

PORT = 4054
TTL = 60
CHAIN = 8   # the longest CNAME chain followed, so that a loop ends


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("records", nargs="+", metavar="RECORD", help="NAME TYPE DATA")
    parser.add_argument("--port", type=labkit.port, default=PORT,
                        help=f"UDP port (default {PORT})")
    parser.add_argument("--drop", action="append", default=[], metavar="'NAME TYPE'",
                        help="a question never to answer (repeatable)")
    return parser.parse_args()


def load(records):
    """The records as one zone under the root, so that any name can be in it."""
    lines = []
    for record in records:
        name, rest = (record.split(None, 1) + [""])[:2]
        lines.append(f"{name} {TTL} IN {rest}")
    try:
        return dns.zone.from_text("\n".join(lines), origin=dns.name.root, relativize=False,
                                  check_origin=False)
    except dns.exception.DNSException as exc:
        labkit.fail(f"bad record: {exc}")


def question(text):
    """(name, type) of a --drop argument."""
    name, _, rdtype = text.partition(" ")
    try:
        return dns.name.from_text(name), dns.rdatatype.from_text(rdtype.strip())
    except dns.exception.DNSException as exc:
        labkit.fail(f"bad --drop {text!r}: {exc}")


def answer(zone, query):
    """The response to a query: the records asked for, after any CNAMEs leading to them."""
    response = dns.message.make_response(query)
    response.flags |= dns.flags.AA
    name, rdtype = query.question[0].name, query.question[0].rdtype
    for _ in range(CHAIN):
        node = zone.get_node(name)
        if node is None:
            # A name with names below it exists even without records of its own.
            if not any(n.is_subdomain(name) for n in zone.nodes):
                response.set_rcode(dns.rcode.NXDOMAIN)
            break
        found = node.get_rdataset(dns.rdataclass.IN, rdtype)
        alias = node.get_rdataset(dns.rdataclass.IN, dns.rdatatype.CNAME)
        if found is None and alias is not None and rdtype != dns.rdatatype.CNAME:
            response.answer.append(rrset(name, alias))
            name = alias[0].target
            continue
        if found is not None:
            response.answer.append(rrset(name, found))
        break   # found, or NODATA: the name exists without that type
    return response


def rrset(name, rdataset):
    out = dns.rrset.RRset(name, rdataset.rdclass, rdataset.rdtype)
    out.update(rdataset)
    return out


def summary(response):
    if response.rcode() != dns.rcode.NOERROR:
        return dns.rcode.to_text(response.rcode())
    records = [f"{r.name} {dns.rdatatype.to_text(r.rdtype)} {d}" for r in response.answer
               for d in r]
    return ", ".join(records) or "NODATA"


def serve(zone, port, dropped):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("", port))
    print(f"zone_server: {len(list(zone.iterate_rdatas()))} records on UDP port {port}",
          flush=True)
    while True:
        data, client = sock.recvfrom(65535)
        try:
            query = dns.message.from_wire(data)
            asked = (query.question[0].name, query.question[0].rdtype)
        except (dns.exception.DNSException, IndexError):
            continue   # not a DNS query: nothing to answer
        if asked in dropped:
            said = "(dropped: no answer)"
        else:
            response = answer(zone, query)
            # want_shuffle=False: the order given, the same every time.
            sock.sendto(response.to_wire(want_shuffle=False), client)
            said = summary(response)
        print(f"{client[0]} asked {asked[0]} {dns.rdatatype.to_text(asked[1])}: {said}",
              flush=True)


def main():
    args = parse_args()
    serve(load(args.records), args.port, {question(d) for d in args.drop})


if __name__ == "__main__":
    labkit.main(main)
