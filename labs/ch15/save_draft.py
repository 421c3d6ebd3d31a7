"""Store a message in the Drafts folder with APPEND, as a mail client saves a draft: the
client builds the message and the server files it with the flags given (\\Draft, \\Seen),
and, with UIDPLUS, says the UID it got (APPENDUID). Nothing is sent to anyone."""
import argparse
import imaplib
import re
import ssl
import time
from email.message import EmailMessage

import labkit

PORT = 993


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the IMAPS server, e.g. mail.example.com")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    labkit.login_options(parser)
    parser.add_argument("--folder", default="Drafts")
    parser.add_argument("--subject", default="A draft saved over IMAP")
    args = parser.parse_args()

    message = EmailMessage()
    message["From"] = f"{args.user}@example.com"
    message["To"] = "somebody@example.com"
    message["Subject"] = args.subject
    message.set_content("Not sent yet: IMAP keeps it on the server until I finish it.\n")
    imap = imaplib.IMAP4_SSL(args.host, args.port, ssl_context=ssl.create_default_context(),
                             timeout=10)
    try:
        imap.login(args.user, args.password)
        _, reply = imap.append(args.folder, r"(\Draft \Seen)",
                               imaplib.Time2Internaldate(time.time()), message.as_bytes())
    except imaplib.IMAP4.error as exc:   # a NO or BAD reply: one line, not a traceback
        labkit.fail(f"the server said: {exc}")
    finally:
        imap.logout()
    uid = re.search(rb"APPENDUID \d+ (\d+)", reply[0])
    print(f"saved {args.subject!r} in {args.folder}"
          + (f" as UID {uid.group(1).decode()}" if uid else ""))


if __name__ == "__main__":
    labkit.main(main)
