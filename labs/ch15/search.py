"""Exercise 1's program: list the messages in INBOX from a sender that contain a word,
since a date (and, with --unseen, only those not read yet), without marking any of them
seen. The search and the fetching are search() (the student's, in
exercises/imap_search.py)."""
import argparse
import datetime
import imaplib

import labkit
from session import PORT, open_session

search = labkit.answer("imap_search").search


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the IMAPS server, e.g. mail.example.com")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--from", dest="sender", required=True,
                        help="an address, or part of one")
    parser.add_argument("--text", required=True, help="a word in the headers or the body")
    parser.add_argument("--since", type=datetime.date.fromisoformat,
                        default=datetime.date.today(), help="YYYY-MM-DD (default: today)")
    parser.add_argument("--unseen", action="store_true", help="only messages not read yet")
    args = parser.parse_args()
    imap = open_session(args.host, args.port)
    try:
        found = search(imap, args.sender, args.text, args.since, args.unseen)
    except imaplib.IMAP4.error as exc:   # a NO or BAD reply: one line, not a traceback
        labkit.fail(f"the server said: {exc}")
    finally:
        imap.logout()
    for uid, subject in found:
        print(f"UID {uid}: {subject}")
    print(f"{len(found)} messages match")


if __name__ == "__main__":
    labkit.main(main)
