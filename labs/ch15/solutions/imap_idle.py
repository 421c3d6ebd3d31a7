"""Exercise 3, the reference solution."""
import email
import re
import time
from email import policy

TAG = b"IDLE1"   # imaplib's own tags are four letters and a number: no clash


def wait_for_mail(imap, timeout):
    imap.send(TAG + b" IDLE\r\n")
    if not imap.readline().startswith(b"+"):   # "+ idling": the server will now speak first
        raise imap.error("the server refused IDLE")
    newest = wait_for_exists(imap, timeout)
    imap.send(b"DONE\r\n")
    while not imap.readline().startswith(TAG + b" "):   # other updates, then "IDLE1 OK"
        pass
    data = imap.fetch(str(newest), "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")[1]
    return str(email.message_from_bytes(data[0][1], policy=policy.default)["Subject"])


def wait_for_exists(imap, timeout):
    """The N of the first '* N EXISTS' within timeout seconds; TimeoutError after that."""
    sock, deadline = imap.socket(), time.monotonic() + timeout
    before = sock.gettimeout()
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no new mail in {timeout} s")
            sock.settimeout(left)   # a read that times out raises TimeoutError
            found = re.match(rb"\* (\d+) EXISTS", imap.readline())
            if found:
                return int(found.group(1))
    finally:
        sock.settimeout(before)
