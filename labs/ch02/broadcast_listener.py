"""Exercise 3's program: listen() (the student's, in exercises/broadcast_listener.py) prints
and answers every datagram to the port, broadcasts included, until stopped (Ctrl-C).

    h2$ python3 /labs/ch02/broadcast_listener.py    # and on h3, h4
    h1$ python3 /labs/ch02/udp_broadcast.py         # h2 and h3 answer, h4 never hears it

For every datagram it prints `heard from ADDRESS:PORT: TEXT` and answers the sender, by
unicast, with its host name.
"""
import argparse

import labkit
import udpkit

listen = labkit.answer("broadcast_listener").listen


def main() -> None:
    parser = argparse.ArgumentParser(description="Listen for UDP broadcasts and answer them.")
    parser.add_argument("--port", type=labkit.port, default=udpkit.BROADCAST_PORT,
                        help="port (default: %(default)s)")
    listen(parser.parse_args().port)


if __name__ == "__main__":
    labkit.main(main)
