"""Exercise 3, wrong: binds to the host's own address instead of the wildcard, so it hears
datagrams sent to 192.168.1.12 but never a broadcast to 192.168.1.255."""
import socket

import udpkit


def listen(port: int) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((socket.gethostbyname(socket.gethostname()), port))
    while True:
        data, sender = sock.recvfrom(udpkit.MAX_DATAGRAM)
        print(f"heard from {udpkit.show(sender)}: {data.decode()}", flush=True)
        sock.sendto(f"{socket.gethostname()} heard you".encode(), sender)
