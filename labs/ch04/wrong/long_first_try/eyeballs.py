"""Exercise 3, wrong: IPv6 first, but IPv4 only after IPv6 has given up (its whole timeout),
so a silently broken IPv6 path costs the user seconds."""
import socket


def connect(host, port, delay, timeout):
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    infos.sort(key=lambda info: info[0] != socket.AF_INET6)
    last = OSError(f"no address for {host}")
    for family, socktype, proto, _, sockaddr in infos:
        sock = socket.socket(family, socktype, proto)
        sock.settimeout(timeout / 2)
        try:
            sock.connect(sockaddr)
            sock.settimeout(None)
            return sock
        except OSError as exc:
            sock.close()
            last = exc
    raise last
