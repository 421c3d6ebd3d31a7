"""Exercise 2's program: fetch a message over IMAPS by its Message-ID and print its text and
its attachments, as body_text() and attachments() (the student's, in exercises/parts.py)
find them."""
import argparse
import hashlib

import labkit
import mimelab

parts = labkit.answer("parts")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the IMAP server, e.g. mail.example.com")
    parser.add_argument("message_id", help="e.g. '<123.456@example.com>'")
    args = parser.parse_args()
    message = mimelab.fetch(args.host, args.message_id)
    print("tree:", *mimelab.outline(message), sep="\n  ")
    print(f"text: {parts.body_text(message)!r}")
    for filename, content_type, data in parts.attachments(message):
        print(f"attachment: {filename!r} {content_type} {len(data)} bytes "
              f"sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    labkit.main(main)
