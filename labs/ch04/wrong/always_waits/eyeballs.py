"""Exercise 3, wrong: IPv6 first and IPv4 after `delay`, but it always sits out the delay,
even when IPv6 was refused at once (RFC 8305 starts the next attempt when one fails)."""
import socket
import time


def connect(host, port, delay, timeout):
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    infos.sort(key=lambda info: info[0] != socket.AF_INET6)
    last = OSError(f"no address for {host}")
    for family, socktype, proto, _, sockaddr in infos:
        began = time.monotonic()
        sock = socket.socket(family, socktype, proto)
        sock.settimeout(delay)
        try:
            sock.connect(sockaddr)
            sock.settimeout(None)
            return sock
        except OSError as exc:
            sock.close()
            last = exc
            time.sleep(max(0.0, delay - (time.monotonic() - began)))
    raise last
