"""Exercise 3, wrong: polls with NOOP twice a second instead of IDLE."""
import email
import time
from email import policy


def wait_for_mail(imap, timeout):
    imap.response("EXISTS")   # forget the count SELECT reported
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        imap.noop()   # untagged EXISTS come back with the NOOP's reply
        newest = imap.response("EXISTS")[1][-1]
        if newest:
            data = imap.fetch(newest.decode(), "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")[1]
            return str(email.message_from_bytes(data[0][1], policy=policy.default)["Subject"])
        time.sleep(0.5)
    raise TimeoutError(f"no new mail in {timeout} s")
