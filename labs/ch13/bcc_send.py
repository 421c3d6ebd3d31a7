"""Exercise 3's program: send one message to its To, Cc and Bcc recipients, with a bounce
address as the envelope sender. How the envelope is made from the headers, and what of the
message goes on the wire, is send_with_bcc() (the student's, in exercises/blind_copy.py)."""
import argparse
import smtplib
from email.message import EmailMessage

import labkit

PORT = 25
send_with_bcc = labkit.answer("blind_copy").send_with_bcc


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the SMTP server, e.g. mail.example.com")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--from", dest="sender", default="Network Playground <lab@example.com>")
    parser.add_argument("--bounce", default="bounces@example.com",
                        help="the envelope sender, where failure reports go")
    for header in ("to", "cc", "bcc"):
        parser.add_argument(f"--{header}", action="append", default=[],
                            help=f"an address for the {header.title()} header (repeat for more)")
    parser.add_argument("--subject", default="with a blind copy")
    args = parser.parse_args()

    message = EmailMessage()
    message["From"] = args.sender
    for header in ("To", "Cc", "Bcc"):
        if getattr(args, header.lower()):
            message[header] = ", ".join(getattr(args, header.lower()))
    message["Subject"] = args.subject
    message.set_content("Each recipient gets this; only the visible ones are listed.\n")
    with smtplib.SMTP(args.host, args.port, timeout=10) as smtp:
        send_with_bcc(smtp, message, args.bounce)
    print(f"sent {args.subject!r}, failures reported to {args.bounce}")


if __name__ == "__main__":
    labkit.main(main)
