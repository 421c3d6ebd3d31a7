"""Exercise 1's program: send one request per TEXT to `udp_remote.py server`, each until its
reply arrives, with exponential backoff; receive_reply() and exchange() are the student's
(exercises/backoff_client.py).

    www$ python3 /labs/ch02/udp_remote.py server
    h1$  python3 /labs/ch02/backoff_client.py www one two three

Each TEXT is one request with its own request ID. When no reply comes within the current
timeout the client sends the same request again and doubles the timeout (0.1 s, 0.2 s, 0.4 s,
... at most --max-interval), so a congested server is not flooded; it gives up once --give-up
seconds have passed for one request. Replies that carry another ID (late duplicates of an
earlier request) or come from another address are ignored.
"""
import argparse
import socket

import labkit
import udpkit

exchange = labkit.answer("backoff_client").exchange


def main() -> None:
    parser = argparse.ArgumentParser(description="Send requests to `udp_remote.py server`, "
                                                 "retransmitting with exponential backoff.")
    parser.add_argument("host", help="server name or address, e.g. www")
    parser.add_argument("texts", nargs="+", metavar="TEXT", help="one request per TEXT")
    parser.add_argument("--port", type=labkit.port, default=udpkit.REMOTE_PORT,
                        help="server port (default: %(default)s)")
    parser.add_argument("--initial", type=labkit.seconds, default=0.1,
                        help="first timeout (default: %(default)s s)")
    parser.add_argument("--max-interval", type=labkit.seconds, default=2.0,
                        help="longest timeout (default: %(default)s s)")
    parser.add_argument("--give-up", type=labkit.seconds, default=5.0,
                        help="give up on a request after this long (default: %(default)s s)")
    args = parser.parse_args()
    server = udpkit.resolve(args.host, args.port)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    first_id = udpkit.new_request_id()
    for number, text in enumerate(args.texts):
        try:
            reply = exchange(sock, server, (first_id + number) & 0xFFFFFFFF, text, args)
        except udpkit.GaveUp as exc:
            labkit.fail(str(exc))
        print(f"reply: {reply}", flush=True)


if __name__ == "__main__":
    labkit.main(main)
