"""Exercise 1's program: build a newsletter with build_newsletter() (the student's, in
exercises/newsletter.py), print its MIME tree, send it through mail.example.com, fetch it
back over IMAPS and print the tree of what arrived: the two must be the same, part for part."""
import argparse
import hashlib
import os
from email.utils import make_msgid

import labkit
import mimelab

build_newsletter = labkit.answer("newsletter").build_newsletter
PNG = b"\x89PNG\r\n\x1a\n"   # an image's first bytes; the rest is random, fresh each run


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the mail server, e.g. mail.example.com")
    parser.add_argument("--word", default="Labor", help="a word put in every part")
    args = parser.parse_args()
    word = args.word
    image = PNG + os.urandom(600)
    data = os.urandom(900)
    message = build_newsletter(
        sender=f"Jürgen Müller {word} <lab@example.com>",
        recipient="student@example.com",
        subject=f"Grüße aus dem {word} — 100 €",
        text=f"Grüße aus dem {word}!\nDas Abo kostet 100 € im Jahr; Umlaute: äöü ß.\n",
        html=f"<p>Grüße aus dem <b>{word}</b>!</p><p><img src=\"cid:{{image_cid}}\" "
             f"alt=\"logo\"></p>",
        image=image,
        attachments=[(f"notes-{word}.txt", "text", "plain", f"Notizen {word}: ½ €\n".encode()),
                     (f"data-{word}.bin", "application", "octet-stream", data)])
    message["Message-ID"] = message_id = make_msgid(domain="example.com")
    print(f"message-id: {message_id}")
    print(f"image sha256: {hashlib.sha256(image).hexdigest()}")
    print(f"data sha256: {hashlib.sha256(data).hexdigest()}")
    built = mimelab.outline(message)
    print("built:", *built, sep="\n  ")
    mimelab.send(args.host, message)
    arrived = mimelab.outline(mimelab.fetch(args.host, message_id))
    print("arrived:", *arrived, sep="\n  ")
    if arrived != built:
        labkit.fail("the message that arrived has another structure than the one built")


if __name__ == "__main__":
    labkit.main(main)
