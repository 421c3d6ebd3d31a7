"""A tour of the student's mailbox with imaplib: connect over IMAPS (993) or with STARTTLS
(143), both verified; print the capabilities before and after login, every folder with
its attributes and counts (LIST, STATUS), then INBOX opened read-only (EXAMINE) with each
message's flags, sender and subject fetched with BODY.PEEK. Nothing is changed or marked."""
import argparse
import email
import imaplib
import ssl
from email import policy

import labkit

PORTS = {"imaps": 993, "starttls": 143}
HEADERS = "(FLAGS BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)])"


def connect(host, port, mode):
    """An IMAP session in the given mode. Every TLS here is verified: imaplib's IMAP4_SSL and
    starttls() given no ssl_context encrypt but accept any certificate at all."""
    context = ssl.create_default_context()
    if mode == "imaps":
        return imaplib.IMAP4_SSL(host, port, ssl_context=context, timeout=10)
    imap = imaplib.IMAP4(host, port, timeout=10)
    imap.starttls(ssl_context=context)
    return imap


def folders(imap):
    """[(name, attributes)] from LIST: each line is '(attributes) "delimiter" name'."""
    found = []
    for line in imap.list()[1]:
        attributes, _, rest = line.decode().partition(") ")
        name = rest.split(" ", 1)[1].strip('"')
        found.append((name, attributes.lstrip("(")))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the IMAP server, e.g. mail.example.com")
    parser.add_argument("--mode", choices=PORTS, default="imaps")
    parser.add_argument("--port", type=labkit.port, help="default: 993 or 143 by mode")
    labkit.login_options(parser)
    args = parser.parse_args()

    imap = connect(args.host, args.port or PORTS[args.mode], args.mode)
    try:
        print(f"before login: {' '.join(imap.capabilities)}")
        imap.login(args.user, args.password)
        print(f"after login: {imap.capability()[1][0].decode()}")
        for name, attributes in folders(imap):
            status = imap.status(name, "(MESSAGES UNSEEN)")[1][0].decode()
            print(f"folder {name} [{attributes}]: {status.split('(', 1)[1].rstrip(')')}")
        imap.select("INBOX", readonly=True)   # EXAMINE: the server changes no flag
        for item in imap.fetch("1:*", HEADERS)[1]:
            if isinstance(item, tuple):   # (b'1 (FLAGS (...) BODY[...] {n}', headers)
                flags = imaplib.ParseFlags(item[0])
                headers = email.message_from_bytes(item[1], policy=policy.default)
                print(f"{item[0].split()[0].decode()} "
                      f"[{' '.join(f.decode() for f in flags)}] "
                      f"{headers['From']} | {headers['Subject']}")
    except imaplib.IMAP4.error as exc:   # a NO or BAD reply: one line, not a traceback
        labkit.fail(f"the server said: {exc}")
    finally:
        imap.logout()


if __name__ == "__main__":
    labkit.main(main)
