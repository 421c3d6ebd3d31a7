"""The ch04 DNS programs' own helpers: where the DNS server is, one query exchange, and what
the exercises build on (ask, addresses, forward, Route, NoMailHost).

A DNS client speaks UDP first; when the reply does not fit the size the client offered, the
server sets the TC (truncated) flag and the client must ask again over TCP.
"""
import ipaddress
import socket
from typing import NamedTuple

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.query
import dns.rcode
import dns.resolver

import labkit


def system_nameserver():
    """The first nameserver of /etc/resolv.conf: in the lab, the backbone's BIND."""
    try:
        return dns.resolver.Resolver().nameservers[0]
    except (dns.resolver.NoResolverConfiguration, IndexError):
        labkit.fail("no nameserver in /etc/resolv.conf; give one with --server")


def server_address(server):
    """The address of a DNS server given by name or address; None: the system's."""
    if not server:
        return system_nameserver()
    try:
        return socket.gethostbyname(server)
    except socket.gaierror as exc:
        labkit.fail(f"cannot find DNS server {server!r}: {exc.strerror}")


def add_server_options(parser):
    """--server, --port and --timeout: which DNS server the exercise programs ask, and how
    long they wait (the lab DNS by default; the grader's own zone server otherwise)."""
    parser.add_argument("--server", help="DNS server name or address "
                                         "(default: the lab DNS of /etc/resolv.conf)")
    parser.add_argument("--port", type=labkit.port, default=53, help="its port (default 53)")
    parser.add_argument("--timeout", type=labkit.seconds, default=5.0,
                        help="seconds to wait for each name")


def stub_resolver(server, port, timeout):
    """A resolver that asks one server (None: the lab DNS of /etc/resolv.conf) on port,
    giving up after timeout seconds for each name."""
    resolver = dns.resolver.Resolver()
    resolver.nameservers = [server_address(server)]
    resolver.port = port
    resolver.lifetime = timeout
    return resolver


def exchange(query, server, port=53, timeout=2.0, tcp=False, tries=3):
    """Send `query`, return (response, how) where how says which transport carried it.

    UDP may lose the query or the reply: like every resolver, ask again a few times.
    """
    if tcp:
        return dns.query.tcp(query, server, timeout=timeout, port=port), "TCP"
    for attempt in range(1, tries + 1):
        try:
            response = dns.query.udp(query, server, timeout=timeout, port=port)
            break
        except dns.exception.Timeout:
            if attempt == tries:
                raise
    if response.flags & dns.flags.TC:
        # The UDP reply was cut short: the whole answer only comes over TCP.
        full = dns.query.tcp(query, server, timeout=timeout, port=port)
        return full, "UDP reply truncated (TC flag), retried over TCP"
    return response, "UDP"


def rcode_text(response):
    """NOERROR, NXDOMAIN, SERVFAIL, REFUSED ... for a response."""
    return dns.rcode.to_text(response.rcode())


# The failures of a DNS exchange a client should expect, as one-line explanations.
NETWORK_ERRORS = (dns.exception.Timeout, OSError, dns.exception.FormError)


def explain(exc, server):
    if isinstance(exc, dns.exception.Timeout):
        return f"no answer from DNS server {server} (timed out, every try)"
    if isinstance(exc, ConnectionRefusedError):
        return f"DNS server {server} refused the connection"
    if isinstance(exc, dns.exception.FormError):
        return f"DNS server {server} sent a malformed reply: {exc}"
    return f"cannot talk to DNS server {server}: {exc.strerror or exc}"


# --- what the exercises build on -------------------------------------------------------------

class Route(NamedTuple):
    """Where mail for a domain goes (Exercise 1)."""
    asked: dns.name.Name       # the domain as given
    canonical: dns.name.Name   # the same after following any CNAME
    via_mx: bool               # False: no MX record, the domain's own address is used
    targets: list              # [(preference, host name, [IPv4 addresses])], best first


class NoMailHost(Exception):
    """The domain exists but has neither MX nor A records (NODATA for both)."""


def ask(resolver, name, rdtype):
    """The answer for (name, rdtype), or None when the name exists without such records.

    dnspython follows CNAMEs itself: answer.canonical_name is where the chain ended.
    A name that does not exist raises dns.resolver.NXDOMAIN.
    """
    try:
        return resolver.resolve(name, rdtype)
    except dns.resolver.NoAnswer:
        return None


def forward(resolver, name):
    """The IPv4 addresses of name in numeric order, [] if it has none or does not exist."""
    try:
        answer = ask(resolver, name, "A")
    except dns.resolver.NXDOMAIN:
        return []
    return sorted((str(r) for r in answer or []), key=ipaddress.IPv4Address)


def addresses(resolver, host):
    """IPv4 addresses of an MX host; [] if it has none (a broken MX, worth showing)."""
    return forward(resolver, host)
