"""DELIBERATELY INSECURE: log in to an SMTP server that offers AUTH without TLS (the lab's
port 2525) and send a message. Capture it (`./scripts/capture example --facing mail tcp port
2525`): the AUTH PLAIN line carries the password in base64, which anyone decodes."""
import argparse
import smtplib
from email.message import EmailMessage

import labkit

PORT = 2525


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the SMTP server, e.g. mail.example.com")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    labkit.login_options(parser)
    parser.add_argument("--to", default="student@example.com")
    parser.add_argument("--subject", default="sent after a login in clear")
    args = parser.parse_args()

    message = EmailMessage()
    message["From"] = f"{args.user}@example.com"
    message["To"] = args.to
    message["Subject"] = args.subject
    message.set_content("My password crossed the network in clear on its way here.\n")
    with smtplib.SMTP(args.host, args.port, timeout=10) as smtp:
        smtp.login(args.user, args.password)   # AUTH PLAIN: base64, not encryption
        smtp.send_message(message)
    print(f"logged in as {args.user} WITHOUT TLS and sent {args.subject!r}")


if __name__ == "__main__":
    labkit.main(main)
