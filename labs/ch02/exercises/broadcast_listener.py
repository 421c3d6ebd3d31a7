"""Exercise 3: a broadcast listener (labs/ch02/README.md).

Write listen(); ../broadcast_listener.py runs it:
    h2$ python3 /labs/ch02/broadcast_listener.py    # and on h3, h4
    h1$ python3 /labs/ch02/udp_broadcast.py         # h2 and h3 answer, h4 never hears it
"""
import socket

import udpkit


def listen(port: int) -> None:
    """TODO: receive datagrams (broadcast ones included) on `port`, print and answer each,
    until stopped (Ctrl-C).

    Bind a UDP socket to port `port` on an address that receives broadcasts (what happens
    when you bind to 192.168.1.12 instead of the wildcard address?), then for every datagram
    print `heard from ADDRESS:PORT: TEXT` (udpkit.show; flush!) and answer the sender by
    unicast with a datagram that names this host (socket.gethostname()).
    """
    raise NotImplementedError
