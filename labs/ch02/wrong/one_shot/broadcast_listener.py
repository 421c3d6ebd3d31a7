"""Exercise 3, wrong: answers the first datagram and returns, so the listener is gone after
one broadcast."""
import socket

import udpkit


def listen(port: int) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("", port))
    data, sender = sock.recvfrom(udpkit.MAX_DATAGRAM)
    print(f"heard from {udpkit.show(sender)}: {data.decode()}", flush=True)
    sock.sendto(f"{socket.gethostname()} heard you".encode(), sender)
