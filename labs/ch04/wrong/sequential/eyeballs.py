"""Exercise 3, wrong: tries the addresses in getaddrinfo's order, one at a time (the
playground's order puts IPv4 first, so IPv6 is never used while IPv4 works)."""
import socket


def connect(host, port, delay, timeout):
    return socket.create_connection((host, port), timeout=timeout)
