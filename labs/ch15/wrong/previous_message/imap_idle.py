"""Exercise 3, wrong: fetches message N-1 after '* N EXISTS', the newest but one."""
import email
import re
from email import policy


def wait_for_mail(imap, timeout):
    imap.socket().settimeout(timeout)
    imap.send(b"W1 IDLE\r\n")
    imap.readline()
    while not (found := re.match(rb"\* (\d+) EXISTS", imap.readline())):
        pass
    imap.send(b"DONE\r\n")
    while not imap.readline().startswith(b"W1 "):
        pass
    newest = int(found.group(1)) - 1   # "counting from zero"
    data = imap.fetch(str(newest), "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")[1]
    return str(email.message_from_bytes(data[0][1], policy=policy.default)["Subject"])
