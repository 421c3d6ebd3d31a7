"""Put a message into the student's mailbox: send it over SMTP (port 25, no login needed for
@example.com) to mail.example.com, with the subject, sender, text and size you choose, so
there is fresh mail to read over POP (and over IMAP in chapter 15)."""
import argparse
import smtplib
from email.message import EmailMessage

import labkit

PORT = 25
LINE = "The quick brown fox reads its mail over POP3, one message at a time.\n"


def build(sender, recipient, subject, size, text=""):
    """A plain-text message whose body is `text` (if any), then about `size` bytes of
    whole lines (at least one)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = subject   # non-ASCII or long subjects get encoded and folded
    message.set_content((text + "\n" if text else "") + LINE * max(1, size // len(LINE)))
    return message


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the SMTP server, e.g. mail.example.com")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--to", default="student@example.com")
    parser.add_argument("--from", dest="sender", default="Chapter 14 <pop-lab@example.com>")
    parser.add_argument("--subject", default="Something to read over POP")
    parser.add_argument("--bytes", type=labkit.positive, default=300,
                        help="about how long the body is")
    parser.add_argument("--text", default="", help="a first line for the body")
    args = parser.parse_args()
    message = build(args.sender, args.to, args.subject, args.bytes, args.text)
    with smtplib.SMTP(args.host, args.port, timeout=10) as smtp:
        smtp.send_message(message)
    print(f"sent {args.subject!r} ({len(message.as_bytes())} bytes) to {args.to}")


if __name__ == "__main__":
    labkit.main(main)
