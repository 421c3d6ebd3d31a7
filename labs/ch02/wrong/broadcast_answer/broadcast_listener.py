"""Exercise 3, wrong: answers by broadcast to the sender's port instead of by unicast to the
sender, so every host on the LAN gets every answer."""
import socket

import udpkit


def listen(port: int) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    sock.bind(("", port))
    while True:
        data, sender = sock.recvfrom(udpkit.MAX_DATAGRAM)
        print(f"heard from {udpkit.show(sender)}: {data.decode()}", flush=True)
        sock.sendto(f"{socket.gethostname()} heard you".encode(), ("192.168.1.255", sender[1]))
