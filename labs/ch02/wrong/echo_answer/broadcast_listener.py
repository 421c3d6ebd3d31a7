"""Exercise 3, wrong: answers the sender with its own text echoed back, which does not say
which host heard it."""
import socket

import udpkit


def listen(port: int) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("", port))
    while True:
        data, sender = sock.recvfrom(udpkit.MAX_DATAGRAM)
        print(f"heard from {udpkit.show(sender)}: {data.decode()}", flush=True)
        sock.sendto(b"heard: " + data, sender)
