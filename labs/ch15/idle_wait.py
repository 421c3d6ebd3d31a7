"""Exercise 3's program: wait in INBOX for new mail with IDLE (the server tells the client,
no polling) and print the new message's subject, without marking it seen. The waiting is
wait_for_mail() (the student's, in exercises/imap_idle.py)."""
import argparse
import imaplib

import labkit
from session import PORT, open_session

wait_for_mail = labkit.answer("imap_idle").wait_for_mail


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the IMAPS server, e.g. mail.example.com")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--timeout", type=labkit.seconds, default=60.0,
                        help="give up after this long without new mail")
    args = parser.parse_args()
    imap = open_session(args.host, args.port)
    try:
        count = int(imap.select("INBOX")[1][0])   # read-write, as a mail client opens it
        print(f"waiting for new mail in INBOX ({count} messages)", flush=True)
        subject = wait_for_mail(imap, args.timeout)
    except imaplib.IMAP4.error as exc:   # a NO or BAD reply: one line, not a traceback
        labkit.fail(f"the server said: {exc}")
    except TimeoutError:
        labkit.fail(f"no new mail in {args.timeout:g} s")
    finally:
        imap.shutdown()   # no LOGOUT: the session may be in the middle of IDLE
    print(f"new mail: {subject}")


if __name__ == "__main__":
    labkit.main(main)
