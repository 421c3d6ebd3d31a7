"""Exercise 1, wrong: leaves SINCE out, so older mail matches too."""
import email
from email import policy

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def search(imap, sender, text, since, unseen=False):
    imap.select("INBOX", readonly=True)
    criteria = ["FROM", f'"{sender}"', "TEXT", f'"{text}"']
    if unseen:
        criteria.append("UNSEEN")
    found = []
    for uid in imap.uid("SEARCH", *criteria)[1][0].split():
        data = imap.uid("FETCH", uid, "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")[1]
        headers = email.message_from_bytes(data[0][1], policy=policy.default)
        found.append((int(uid), str(headers["Subject"])))
    return found
