"""Exercise 3, the reference solution: bound to the wildcard address, the listener hears its
LAN's broadcasts."""
import socket

import udpkit


def listen(port: int) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    # The wildcard address: a socket bound to the host's own address (192.168.1.12) would
    # never see datagrams addressed to 192.168.1.255.
    sock.bind(("", port))
    print(f"listening at {udpkit.show(sock.getsockname())}", flush=True)
    while True:
        data, sender = sock.recvfrom(udpkit.MAX_DATAGRAM)
        text = data.decode("utf-8", errors="replace")
        print(f"heard from {udpkit.show(sender)}: {text}", flush=True)
        sock.sendto(f"{socket.gethostname()} heard you".encode(), sender)
