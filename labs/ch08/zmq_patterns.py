"""ZeroMQ's other two patterns across the lab, no broker in between. www BINDS (it has an
address everyone can reach); h1-h4 CONNECT from behind their modems.

PUB/SUB with topics: the publisher sends `TOPIC N WORD` lines; a subscriber asks for a topic
prefix, and since ZeroMQ 3 the PUBLISHER filters: what a subscriber did not ask for never
crosses the wire (watch the capture).

    www$ python3 /labs/ch08/zmq_patterns.py pub --topics news sport weather
    h1$  python3 /labs/ch08/zmq_patterns.py sub www sport --count 5

REQ/REP: a strict lockstep of one request, one reply.

    www$ python3 /labs/ch08/zmq_patterns.py rep
    h4$  python3 /labs/ch08/zmq_patterns.py req www hello there
"""
import argparse
import itertools
import socket
import time

import zmq

import labkit

PUB_PORT, REP_PORT = 8030, 8040


def publish(context, args) -> None:
    pub = context.socket(zmq.PUB)
    pub.bind(f"tcp://*:{PUB_PORT}")
    for n in range(args.count):   # bounded: it stops by itself
        for topic in args.topics:
            pub.send_string(f"{topic} {n} {args.word}")
        time.sleep(args.interval)


def subscribe(context, args) -> None:
    sub = context.socket(zmq.SUB)
    sub.connect(f"tcp://{args.server}:{PUB_PORT}")
    sub.setsockopt_string(zmq.SUBSCRIBE, args.topic)
    for _ in range(args.count):
        if not sub.poll(args.wait * 1000):
            labkit.fail(f"nothing on topic {args.topic!r} for {args.wait} s")
        print(sub.recv_string(), flush=True)


def reply(context, args) -> None:
    rep = context.socket(zmq.REP)
    rep.bind(f"tcp://*:{REP_PORT}")
    for n in itertools.count(1):
        request = rep.recv_string()
        rep.send_string(f"{request.upper()} (reply {n} from {socket.gethostname()})")


def request(context, args) -> None:
    req = context.socket(zmq.REQ)
    req.connect(f"tcp://{args.server}:{REP_PORT}")
    for word in args.words:
        req.send_string(word)
        if not req.poll(args.wait * 1000):
            labkit.fail(f"no reply to {word!r} in {args.wait} s")
        print(req.recv_string())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wait", type=labkit.seconds, default=5, help="seconds to wait")
    roles = parser.add_subparsers(dest="role", required=True)
    pub = roles.add_parser("pub", help="publish on www")
    pub.add_argument("--topics", nargs="+", default=["news", "sport", "weather"])
    pub.add_argument("--word", default="hello", help="the last word of every message")
    pub.add_argument("--count", type=labkit.positive, default=600, help="rounds, then stop")
    pub.add_argument("--interval", type=labkit.seconds, default=0.1)
    sub = roles.add_parser("sub", help="subscribe to one topic prefix")
    sub.add_argument("server")
    sub.add_argument("topic")
    sub.add_argument("--count", type=labkit.positive, default=5)
    roles.add_parser("rep", help="answer requests on www")
    req = roles.add_parser("req", help="send each word, print each reply")
    req.add_argument("server")
    req.add_argument("words", nargs="+")
    args = parser.parse_args()
    context = zmq.Context()
    try:
        {"pub": publish, "sub": subscribe, "rep": reply, "req": request}[args.role](context, args)
    finally:
        context.destroy(linger=0)


if __name__ == "__main__":
    labkit.main(main)
