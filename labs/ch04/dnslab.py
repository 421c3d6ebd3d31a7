"""Shared helpers for the ch04 DNS programs: where the lab DNS is, and one query exchange.

A DNS client speaks UDP first; when the reply does not fit the size the client offered, the
server sets the TC (truncated) flag and the client must ask again over TCP.
"""
import argparse
import sys

import dns.exception
import dns.flags
import dns.message
import dns.query
import dns.rcode
import dns.resolver


def system_nameserver():
    """The first nameserver of /etc/resolv.conf: in the lab, the backbone's BIND."""
    try:
        return dns.resolver.Resolver().nameservers[0]
    except (dns.resolver.NoResolverConfiguration, IndexError):
        die("no nameserver in /etc/resolv.conf; give one with --server")


def port_number(text):
    """argparse type for a TCP/UDP port: 1-65535, or a clear usage error."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return port


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


def die(message, status=1):
    """One clear line on stderr instead of a traceback, and a non-zero exit."""
    prog = sys.argv[0].rsplit("/", 1)[-1]
    print(f"{prog}: {message}", file=sys.stderr)
    sys.exit(status)


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
