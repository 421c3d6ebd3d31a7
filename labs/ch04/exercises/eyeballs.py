"""Exercise 3: Happy Eyeballs (labs/ch04/README.md). Run it with
`python3 /labs/ch04/happy_eyeballs.py www.example.com 80`."""
import socket     # getaddrinfo(), socket(), AF_INET6, SOCK_STREAM, SO_ERROR
import selectors  # wait on several connecting sockets at once
import time       # monotonic()


def connect(host, port, delay, timeout):
    """TODO: return a socket connected to host:port, the Happy Eyeballs way (RFC 8305).

    Look host up with getaddrinfo (TCP, both families) and order the addresses IPv6 first,
    then alternating families. Start connecting to the first (a non-blocking socket,
    connect_ex). If it has not connected after `delay` seconds, start the next one while the
    first keeps trying, and so on; an attempt that fails starts the next one at once. The
    first attempt to connect wins: close the others and return it (blocking again). If every
    attempt fails, or none connects within `timeout` seconds, raise OSError saying so.
    """
    raise NotImplementedError
