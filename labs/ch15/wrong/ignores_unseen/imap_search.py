"""Exercise 1, wrong: forgets UNSEEN, so read messages are listed too."""
import email
from email import policy

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def search(imap, sender, text, since, unseen=False):
    imap.select("INBOX", readonly=True)
    day = f"{since.day}-{MONTHS[since.month - 1]}-{since.year}"
    criteria = ["FROM", f'"{sender}"', "TEXT", f'"{text}"', "SINCE", day]
    found = []
    for uid in imap.uid("SEARCH", *criteria)[1][0].split():
        data = imap.uid("FETCH", uid, "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")[1]
        headers = email.message_from_bytes(data[0][1], policy=policy.default)
        found.append((int(uid), str(headers["Subject"])))
    return found
