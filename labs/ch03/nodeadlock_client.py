"""Exercise 2's program: deadlock.py's client, fixed. Same server, same small buffers, same
data (SIZE bytes of lowercase letters, echoed in capitals), but exchange() (the student's, in
exercises/nodeadlock_client.py) reads while it sends, so the echo never stalls."""
import argparse

import labkit
from tcpkit import echo_client

PORT = 3001
exchange = labkit.answer("nodeadlock_client").exchange


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", nargs="?", default="www", help="where deadlock.py server runs")
    parser.add_argument("--port", type=labkit.port, default=PORT, help="default %(default)s")
    parser.add_argument("--size", type=labkit.positive, default=4_000_000,
                        help="bytes to send (default %(default)s)")
    parser.add_argument("--timeout", type=labkit.seconds, default=10,
                        help="give up on a server silent this long (default %(default)s s)")
    args = parser.parse_args()
    echo_client(args.host, args.port, args.size, exchange, args.timeout)


if __name__ == "__main__":
    labkit.main(main)
