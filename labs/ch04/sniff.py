"""A packet sniffer in a few lines: an AF_PACKET raw socket on one interface of a router.

Exercise 4's program: it opens the socket, reads every frame that crosses the interface (in
and out) and prints describe(frame) (yours, in exercises/sniffer.py) for each, until stopped.

    isp# python3 /labs/ch04/sniff.py backbone                 # Ctrl-C to stop
    isp# python3 /labs/ch04/sniff.py backbone --count 10
    isp# tcpdump -n -i backbone                               # the same frames, by tcpdump

A raw socket sees every packet of every user: only a program with CAP_NET_RAW may open one
(root in the playground's hosts), and anyone else gets one line saying so.
"""
import argparse
import socket

import labkit

describe = labkit.answer("sniffer").describe
ETH_P_ALL = 0x0003   # every protocol, from <linux/if_ether.h>


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("interface", help="an interface of this host (ip link: backbone, ...)")
    parser.add_argument("--count", type=int, default=0, help="stop after this many frames")
    return parser.parse_args()


def open_raw(interface):
    try:
        sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    except PermissionError:
        labkit.fail("a raw socket needs CAP_NET_RAW: run it as root "
                    "(docker exec HOST python3 ...), not as an ordinary user")
    sock.bind((interface, 0))
    return sock


def main():
    args = parse_args()
    with open_raw(args.interface) as sock:
        print(f"listening on {args.interface}", flush=True)
        seen = 0
        while not args.count or seen < args.count:
            frame = sock.recv(65535)
            print(describe(frame), flush=True)
            seen += 1


if __name__ == "__main__":
    labkit.main(main)
