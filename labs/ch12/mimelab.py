"""What the chapter 12 programs share: the MIME tree of a message as lines of text, and the
network round trip (send through mail.example.com, fetch back over IMAPS by Message-ID)."""
import imaplib
import smtplib
import ssl
import time
from email import policy
from email.parser import BytesParser

IMAPS_PORT = 993
SMTP_PORT = 25
USER, PASSWORD = "student", "abc123"    # the lab-only account
WAIT = 10.0                             # seconds for Postfix to deliver


def outline(message, depth=0):
    """The MIME tree, one line per part: its type, and its disposition, filename and
    Content-ID if it has them."""
    notes = [message.get_content_disposition() or "",
             f"filename={message.get_filename()}" if message.get_filename() else "",
             f"cid={message['Content-ID']}" if message["Content-ID"] else ""]
    lines = ["  " * depth + " ".join([message.get_content_type(), *filter(None, notes)])]
    if message.is_multipart():
        for part in message.iter_parts():
            lines += outline(part, depth + 1)
    return lines


def send(host, message):
    """Send through host's SMTP (port 25: delivery to @example.com needs no login)."""
    with smtplib.SMTP(host, SMTP_PORT, timeout=10) as smtp:
        smtp.send_message(message)


def fetch(host, message_id):
    """The message whose Message-ID is message_id, fetched over verified IMAPS and parsed
    (waiting for delivery); LookupError if it never arrives."""
    context = ssl.create_default_context()
    with imaplib.IMAP4_SSL(host, IMAPS_PORT, ssl_context=context, timeout=10) as imap:
        imap.login(USER, PASSWORD)
        deadline = time.monotonic() + WAIT
        while True:
            imap.select("INBOX", readonly=True)
            _, found = imap.search(None, "HEADER", "Message-ID", message_id)
            if found[0]:
                break
            if time.monotonic() > deadline:
                raise LookupError(f"no message {message_id} in INBOX after {WAIT:.0f} s")
            time.sleep(0.2)   # poll: delivery is asynchronous
        _, data = imap.fetch(found[0].split()[-1], "(BODY.PEEK[])")
    return BytesParser(policy=policy.default).parsebytes(data[0][1])
