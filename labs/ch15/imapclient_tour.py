"""The same tour with IMAPClient, the book's library: it speaks in UIDs and Python values
(folders as tuples, flags as bytes, fetched items as dicts) where imaplib hands back the
protocol's lines. Verified IMAPS, INBOX opened read-only, headers fetched with BODY.PEEK:
nothing is changed or marked."""
import argparse
import email
import ssl
from email import policy

import imapclient

import labkit

HEADERS = b"BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)]"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the IMAPS server, e.g. mail.example.com")
    parser.add_argument("--port", type=labkit.port, default=993)
    labkit.login_options(parser)
    args = parser.parse_args()
    # IMAPClient verifies by default too; the context is spelled out to say so.
    with imapclient.IMAPClient(args.host, port=args.port, ssl=True, timeout=10,
                               ssl_context=ssl.create_default_context()) as imap:
        try:
            imap.login(args.user, args.password)
            for flags, _, name in imap.list_folders():
                print(f"folder {name} [{' '.join(f.decode() for f in flags)}]")
            imap.select_folder("INBOX", readonly=True)
            # The reply's key is BODY[...] without .PEEK, as the server names it.
            for uid, data in sorted(imap.fetch(imap.search("ALL"), ["FLAGS", HEADERS]).items()):
                headers = email.message_from_bytes(data[HEADERS.replace(b".PEEK", b"")],
                                                   policy=policy.default)
                print(f"uid {uid} [{' '.join(f.decode() for f in data[b'FLAGS'])}] "
                      f"{headers['From']} | {headers['Subject']}")
        except imapclient.exceptions.IMAPClientError as exc:   # NO or BAD: one line
            labkit.fail(f"the server said: {exc}")


if __name__ == "__main__":
    labkit.main(main)
