"""Send one message over SMTP, with an envelope (MAIL FROM, RCPT TO) that need not match its
headers (From, To): the server delivers by the envelope, the reader sees the headers.
--debug prints the whole dialogue (smtplib's set_debuglevel) on stderr."""
import argparse
import smtplib
from email.message import EmailMessage

import labkit

PORT = 25


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the SMTP server, e.g. mail.example.com")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--envelope-from", default="bounces@example.com")
    parser.add_argument("--envelope-to", action="append", required=True,
                        help="a recipient in the envelope (repeat for more)")
    parser.add_argument("--header-from", default="Network Playground <lab@example.com>")
    parser.add_argument("--header-to", default="Readers of chapter 13 <readers@example.com>")
    parser.add_argument("--subject", default="Hello from chapter 13")
    parser.add_argument("--debug", action="store_true", help="show the SMTP dialogue")
    args = parser.parse_args()

    message = EmailMessage()
    message["From"] = args.header_from
    message["To"] = args.header_to
    message["Subject"] = args.subject
    message.set_content("The envelope said where this goes; these headers only say so.\n")

    with smtplib.SMTP(args.host, args.port, timeout=10) as smtp:
        smtp.set_debuglevel(1 if args.debug else 0)
        refused = smtp.sendmail(args.envelope_from, args.envelope_to, message.as_bytes())
    for address, (code, text) in refused.items():
        print(f"refused {address}: {code} {text.decode()}")
    accepted = [a for a in args.envelope_to if a not in refused]
    print(f"sent to {', '.join(accepted)} (From: {args.header_from}; To: {args.header_to})")


if __name__ == "__main__":
    labkit.main(main)
