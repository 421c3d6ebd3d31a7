"""Exercise 3, the reference solution."""
import errno
import selectors
import socket
import time


def interleave(infos):
    """IPv6 first, then the families alternating (RFC 8305, section 4)."""
    six = [i for i in infos if i[0] == socket.AF_INET6]
    four = [i for i in infos if i[0] != socket.AF_INET6]
    out = []
    while six or four:
        out += [family.pop(0) for family in (six, four) if family]
    return out


def why(address, error):
    return f"{address}: {errno.errorcode.get(error, error)}"


def connect(host, port, delay, timeout):
    waiting = interleave(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
    deadline = time.monotonic() + timeout
    errors = []
    with selectors.DefaultSelector() as trying:
        next_start = time.monotonic()
        while (waiting or trying.get_map()) and time.monotonic() < deadline:
            if waiting and time.monotonic() >= next_start:
                family, socktype, proto, _, sockaddr = waiting.pop(0)
                sock = socket.socket(family, socktype, proto)
                sock.setblocking(False)
                error = sock.connect_ex(sockaddr)
                if error not in (0, errno.EINPROGRESS):   # failed at once: the next one now
                    errors.append(why(sockaddr[0], error))
                    sock.close()
                    continue
                trying.register(sock, selectors.EVENT_WRITE, sockaddr[0])
                next_start = time.monotonic() + delay
            until = min(next_start, deadline) if waiting else deadline
            for key, _ in trying.select(max(0.0, until - time.monotonic())):
                trying.unregister(key.fileobj)
                error = key.fileobj.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if error == 0:
                    for other in list(trying.get_map().values()):
                        other.fileobj.close()
                    key.fileobj.setblocking(True)
                    return key.fileobj
                errors.append(why(key.data, error))
                key.fileobj.close()
                next_start = time.monotonic()   # a failure starts the next attempt at once
        for key in list(trying.get_map().values()):
            key.fileobj.close()
    raise OSError(f"could not connect to {host} port {port} within {timeout} s: "
                  + ("; ".join(errors) or "no answer"))
