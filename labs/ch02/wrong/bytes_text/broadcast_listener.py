"""Exercise 3, wrong: prints the datagram as a bytes object (b'...') instead of its text."""
import socket

import udpkit


def listen(port: int) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("", port))
    while True:
        data, sender = sock.recvfrom(udpkit.MAX_DATAGRAM)
        print(f"heard from {udpkit.show(sender)}: {data}", flush=True)
        sock.sendto(f"{socket.gethostname()} heard you".encode(), sender)
