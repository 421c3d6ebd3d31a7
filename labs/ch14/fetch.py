"""Exercise 3's program: download every message up to --max-bytes into a folder and delete
from the server exactly the messages saved; bigger ones stay for a client on a faster
link. The work is download_and_delete() (the student's, in exercises/pop_fetch.py); this
program gives it connect(), which opens a verified POP3S session and logs in."""
import argparse
import os
import poplib
import ssl
import time

import labkit

PORT = 995
HOLD_LIMIT = 30.0   # seconds --hold waits at most
download_and_delete = labkit.answer("pop_fetch").download_and_delete


def connector(host, port, user, password, hold):
    """connect(): a fresh logged-in POP3S session each call. With hold, the first session
    waits after its login until that file exists, so that a message can arrive mid-session."""
    def connect():
        pop = poplib.POP3_SSL(host, port, context=ssl.create_default_context(), timeout=10)
        pop.user(user)
        pop.pass_(password)
        count, total = pop.stat()
        print(f"logged in: {count} messages, {total} bytes", flush=True)
        deadline = time.monotonic() + HOLD_LIMIT
        while hold and not os.path.exists(hold) and time.monotonic() < deadline:
            time.sleep(0.05)   # poll for the grader's go-ahead
        return pop
    return connect


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the POP3S server, e.g. mail.example.com")
    parser.add_argument("folder", help="where to save the messages (made if missing)")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--max-bytes", type=labkit.positive, default=100_000,
                        help="leave bigger messages (as LIST counts them) on the server")
    labkit.login_options(parser)
    parser.add_argument("--hold", metavar="FILE",
                        help="after the first login, wait until FILE exists (for graders)")
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    connect = connector(args.host, args.port, args.user, args.password, args.hold)
    try:
        saved = download_and_delete(connect, args.folder, args.max_bytes)
    except poplib.error_proto as exc:   # a -ERR reply: one line, not a traceback
        labkit.fail(f"the server said: {exc}")
    for path in saved:
        print(f"saved {path}")
    print(f"saved and deleted {len(saved)} messages")


if __name__ == "__main__":
    labkit.main(main)
