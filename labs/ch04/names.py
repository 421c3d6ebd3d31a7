"""Turn a host name and a service name into socket addresses with getaddrinfo, then connect.

    python3 /labs/ch04/names.py www http --canon --connect
    python3 /labs/ch04/names.py mail.example.com smtp --family inet --type stream
    python3 /labs/ch04/names.py '' 4000 --passive        # what a server would bind()
"""
import argparse
import socket

import labkit

FAMILIES = {"any": socket.AF_UNSPEC, "inet": socket.AF_INET, "inet6": socket.AF_INET6}
TYPES = {"any": 0, "stream": socket.SOCK_STREAM, "dgram": socket.SOCK_DGRAM}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("host", help="a host name or address ('' for none, with --passive)")
    parser.add_argument("service", help="a service name from /etc/services (http, smtp, "
                                        "domain, ...) or a port number")
    parser.add_argument("--family", choices=FAMILIES, default="any")
    parser.add_argument("--type", choices=TYPES, default="stream")
    parser.add_argument("--canon", action="store_true", help="AI_CANONNAME: ask for the "
                        "canonical name (the end of any CNAME chain)")
    parser.add_argument("--passive", action="store_true", help="AI_PASSIVE: addresses to "
                        "bind() a server to when host is ''")
    parser.add_argument("--numeric", action="store_true", help="AI_NUMERICHOST: refuse to "
                        "look names up; host must be an address")
    parser.add_argument("--connect", action="store_true",
                        help="connect to the addresses in order until one answers (TCP only)")
    parser.add_argument("--timeout", type=labkit.seconds, default=5.0,
                        help="connect timeout, seconds")
    return parser.parse_args()


def service_port(service, socktype):
    """Where a service name's port comes from: /etc/services (getservbyname)."""
    if service.isdigit():
        return f"port {service} (a number: no lookup)"
    proto = "udp" if socktype == socket.SOCK_DGRAM else "tcp"
    try:
        return f"port {socket.getservbyname(service, proto)} ({service}/{proto} in /etc/services)"
    except OSError:
        return f"no {service}/{proto} in /etc/services"


def lookup(args):
    flags = (socket.AI_CANONNAME * args.canon | socket.AI_PASSIVE * args.passive
             | socket.AI_NUMERICHOST * args.numeric)
    try:
        return socket.getaddrinfo(args.host or None, args.service, FAMILIES[args.family],
                                  TYPES[args.type], 0, flags)
    except socket.gaierror as exc:
        # gaierror carries its own codes (EAI_*), not errno values: say which lookup failed.
        labkit.fail(f"cannot resolve {args.host!r} {args.service!r}: {exc.strerror}")


def show(infos):
    for family, socktype, proto, canonname, sockaddr in infos:
        canon = f" canonical name {canonname!r}" if canonname else ""
        print(f"{family.name} {socktype.name} proto {proto} -> {sockaddr}{canon}")


def connect_first(infos, timeout):
    """Try each address in the order getaddrinfo gave them, as a careful client should."""
    errors = []
    for family, socktype, proto, _, sockaddr in infos:
        if socktype != socket.SOCK_STREAM:
            continue
        sock = socket.socket(family, socktype, proto)
        sock.settimeout(timeout)
        try:
            sock.connect(sockaddr)
        except OSError as exc:
            errors.append(f"{sockaddr[0]}: {exc.strerror or 'timed out'}")
            sock.close()
            continue
        with sock:
            print(f"connected from {sock.getsockname()} to {sock.getpeername()}")
        return
    labkit.fail("could not connect: " + ("; ".join(errors) or "no TCP address"))


def main():
    args = parse_args()
    print(service_port(args.service, TYPES[args.type]))
    infos = lookup(args)
    show(infos)
    if args.connect:
        connect_first(infos, args.timeout)


if __name__ == "__main__":
    labkit.main(main)
