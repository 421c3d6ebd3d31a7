"""Build one message of each kind with EmailMessage and the SMTP policy, and show what it
becomes: a plain message, plain+html alternatives, an html body with an inline image
(multipart/related, Content-ID), attachments (text and binary), a non-ASCII subject (RFC
2047) and a quoted-printable body. --raw prints the bytes that would cross the wire; without
it, the MIME tree (walked) and the body that get_body() picks, as a mail reader would."""
import argparse
import sys
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import make_msgid

import labkit
import mimelab

KINDS = ("plain", "alternative", "inline-image", "attachments", "non-ascii")


def base(subject):
    message = EmailMessage(policy=policy.SMTP)   # CRLF line ends, headers wrapped for SMTP
    message["From"] = "Network Playground <lab@example.com>"
    message["To"] = "student@example.com"
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="example.com")
    return message


def build(kind):
    message = base(f"A message of kind {kind}")
    if kind == "non-ascii":
        message.replace_header("Subject", "Grüße — 100 € für alle")   # RFC 2047 on the wire
        message.set_content("Grüße aus dem Labor: äöü ß, ½ €.\n", cte="quoted-printable")
        return message
    message.set_content("Hello in plain text.\n")
    if kind in ("alternative", "inline-image"):
        cid = make_msgid(domain="example.com")
        html = "<p>Hello in <b>HTML</b>.</p>"
        if kind == "inline-image":
            html += f'<img src="cid:{cid[1:-1]}">'   # the Content-ID without < >
        message.add_alternative(html, subtype="html")
        if kind == "inline-image":
            message.get_payload()[1].add_related(b"\x89PNG\r\n\x1a\n" + bytes(64), "image",
                                                 "png", cid=cid, disposition="inline")
    if kind == "attachments":
        message.add_attachment("one,two\n1,2\n", subtype="csv", filename="numbers.csv")
        message.add_attachment(bytes(range(256)), "application", "octet-stream",
                               filename="all-bytes.bin")
    return message


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("--raw", action="store_true", help="print the message as sent")
    args = parser.parse_args()
    raw = build(args.kind).as_bytes()
    if args.raw:
        sys.stdout.write(raw.decode("ascii"))
        return
    # Parse it back, as a receiver would, and walk what arrived.
    message = BytesParser(policy=policy.default).parsebytes(raw)
    print(f"subject: {message['Subject']}")
    print("tree:", *mimelab.outline(message), sep="\n  ")
    body = message.get_body(preferencelist=("html", "plain"))
    print(f"shown body ({body.get_content_type()}, {body['Content-Transfer-Encoding']}): "
          f"{body.get_content().strip()!r}")


if __name__ == "__main__":
    labkit.main(main)
