"""Exercise 1's program: submit a message the way a mail client should, on the submission
port with TLS verified before the password is sent. The connection and the login are
open_submission() (the student's, in exercises/submission.py); this program only builds the
message and sends it on that connection."""
import argparse
from email.message import EmailMessage

import labkit

PORT = 587
open_submission = labkit.answer("submission").open_submission


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the submission server, e.g. mail.example.com")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    labkit.login_options(parser)
    parser.add_argument("--to", default="student@example.com")
    parser.add_argument("--subject", default="submitted over verified TLS")
    args = parser.parse_args()

    message = EmailMessage()
    message["From"] = f"{args.user}@example.com"
    message["To"] = args.to
    message["Subject"] = args.subject
    message.set_content("Sent after STARTTLS, with the server's certificate checked.\n")
    with open_submission(args.host, args.port, args.user, args.password) as smtp:
        smtp.send_message(message)
    print(f"submitted {args.subject!r} to {args.to} via {args.host}:{args.port}")


if __name__ == "__main__":
    labkit.main(main)
