"""Exercise 2's program: move every message from a sender out of one folder into another
(INBOX to Archive by default), leaving everything else as it was. The moving is
move_matching() (the student's, in exercises/imap_move.py)."""
import argparse
import imaplib

import labkit
from session import PORT, open_session

move_matching = labkit.answer("imap_move").move_matching


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the IMAPS server, e.g. mail.example.com")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--from", dest="sender", required=True,
                        help="an address, or part of one")
    parser.add_argument("--source", default="INBOX")
    parser.add_argument("--target", default="Archive")
    args = parser.parse_args()
    imap = open_session(args.host, args.port)
    try:
        moved = move_matching(imap, args.source, args.target, args.sender)
    except imaplib.IMAP4.error as exc:   # a NO or BAD reply: one line, not a traceback
        labkit.fail(f"the server said: {exc}")
    finally:
        imap.logout()
    print(f"moved {moved} messages from {args.source} to {args.target}")


if __name__ == "__main__":
    labkit.main(main)
