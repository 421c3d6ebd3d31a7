"""Ask questions of a qa server (any of the chapter's servers) and print each answer.

    h1$ python3 /labs/ch07/qa_client.py www --port 7004 "is it?" "who are you?"

--pause waits between questions (a client that is slow but never silent for long), --split
sends each question in two segments, --pipeline sends every question before reading any answer.
"""
import argparse
import socket
import time

import labkit

import qa


def ask(sock: socket.socket, questions: list[bytes], args):
    """Ask the questions; yield each answer line as it arrives."""
    if args.pipeline:
        sock.sendall(b"".join(questions))
        questions = [b""] * len(questions)       # all sent: only the answers to read
    for i, question in enumerate(questions):
        if i and args.pause:
            time.sleep(args.pause)               # pacing of this client, not a readiness wait
        if args.split:
            half = len(question) // 2
            sock.sendall(question[:half])
            time.sleep(args.split)               # so that the halves cross the wire apart
            question = question[half:]
        sock.sendall(question)
        yield labkit.recv_line(sock, qa.MAX_LINE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("host", help="where the server runs, e.g. www")
    parser.add_argument("questions", nargs="+", help='e.g. "is this it?"')
    parser.add_argument("--port", type=labkit.port, default=7001)
    parser.add_argument("--timeout", type=labkit.seconds, default=10,
                        help="give up when the server is silent this long (default 10 s)")
    parser.add_argument("--pause", type=labkit.seconds, help="seconds between questions")
    parser.add_argument("--split", type=labkit.seconds,
                        help="send each question in two halves, this many seconds apart")
    parser.add_argument("--pipeline", action="store_true",
                        help="send all questions at once, then read the answers")
    args = parser.parse_args()
    questions = [q.encode() + b"\n" for q in args.questions]
    try:
        with socket.create_connection((args.host, args.port), timeout=args.timeout) as sock:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)   # halves go at once
            for line in ask(sock, questions, args):
                print("answer", line.decode().rstrip("\n"), flush=True)
    except TimeoutError:
        labkit.fail(f"no answer from {args.host} port {args.port} within {args.timeout} s")
    except EOFError:
        labkit.fail(f"{args.host} port {args.port} hung up without answering")


if __name__ == "__main__":
    labkit.main(main)
