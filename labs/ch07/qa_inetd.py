"""The qa protocol for inetd: inetd listens, accepts, and starts this program for each
client with the connected socket as its standard input, output AND error (a `nowait`
service), so it must print nothing of its own. It holds no listening socket and serves
exactly one client, then exits.

The line for /etc/inetd.conf on ftp (the grader adds it, reloads inetd, and takes it away):
    7006 stream tcp4 nowait nobody /usr/bin/python3 python3 /labs/ch07/qa_inetd.py
"""
import socket
import sys

import labkit

from single import converse

PORT = 7006


def main() -> None:
    conn = socket.socket(fileno=sys.stdin.fileno())   # inetd's connection, as a socket
    converse(conn)


if __name__ == "__main__":
    labkit.main(main)
