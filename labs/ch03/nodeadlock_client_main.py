"""The client program around Exercise 2, shared by exercises/nodeadlock_client.py and
solutions/nodeadlock_client.py: each of them writes exchange() and calls
main(exchange=exchange).

Same server and protocol as deadlock.py: send SIZE bytes of lowercase letters, get them back
in capitals. With an exchange() that reads while it sends, the echo never stalls, whatever
the size.
"""
import argparse

from tcpkit import echo_client, port_number

DESCRIPTION = ("The deadlock fixed (Exercise 2): send from one thread while the main thread "
               "reads.")
PORT = 3001


def main(exchange):
    """Parse the command line, then run exchange(sock, data) against deadlock.py server."""
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    parser.add_argument("host", nargs="?", default="www", help="where deadlock.py server runs")
    parser.add_argument("--port", type=port_number, default=PORT,
                        help="default %(default)s")
    parser.add_argument("--size", type=int, default=4_000_000, help="bytes to send")
    args = parser.parse_args()
    echo_client(args.host, args.port, args.size, exchange)
