"""Exercise 2's program: send a message of exactly --bytes bytes (headers included, CRLF line
ends) and let send_within_limit() (the student's, in exercises/size_guard.py) decide, from
the SIZE the server announced in EHLO, whether it may be sent at all."""
import argparse
import smtplib

import labkit

PORT = 25
LINE = 78   # a body line with its CRLF, well inside SMTP's 1000-byte limit
send_within_limit = labkit.answer("size_guard").send_within_limit


def sized_message(sender, recipient, subject, size):
    """A message of exactly `size` bytes: the headers, then a body padded to fit."""
    head = (f"From: {sender}\r\nTo: {recipient}\r\nSubject: {subject}\r\n"
            f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n").encode()
    room = size - len(head) - 2   # the last line's CRLF
    if room < 0:
        labkit.fail(f"--bytes must be at least {len(head) + 2} for these headers")
    lines, rest = divmod(room, LINE)
    body = (b"x" * (LINE - 2) + b"\r\n") * lines + b"y" * rest + b"\r\n"
    return head + body


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the SMTP server, e.g. mail.example.com")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--bytes", type=labkit.positive, required=True, dest="size")
    parser.add_argument("--from", dest="sender", default="student@example.com")
    parser.add_argument("--to", default="student@example.com")
    parser.add_argument("--subject", default="a message of a chosen size")
    args = parser.parse_args()

    message = sized_message(args.sender, args.to, args.subject, args.size)
    with smtplib.SMTP(args.host, args.port, timeout=10) as smtp:
        smtp.ehlo()
        try:
            send_within_limit(smtp, args.sender, [args.to], message)
        except ValueError as exc:   # refused here, before the server saw any of it
            labkit.fail(f"not sent: {exc}")
    print(f"sent {len(message)} bytes to {args.to}")


if __name__ == "__main__":
    labkit.main(main)
