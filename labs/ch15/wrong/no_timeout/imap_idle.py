"""Exercise 3, wrong: waits in IDLE with no deadline, so --timeout never ends it."""
import email
import re
from email import policy


def wait_for_mail(imap, timeout):
    imap.socket().settimeout(None)
    imap.send(b"W1 IDLE\r\n")
    imap.readline()
    while not (found := re.match(rb"\* (\d+) EXISTS", imap.readline())):
        pass
    imap.send(b"DONE\r\n")
    while not imap.readline().startswith(b"W1 "):
        pass
    data = imap.fetch(found.group(1).decode(), "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")[1]
    return str(email.message_from_bytes(data[0][1], policy=policy.default)["Subject"])
