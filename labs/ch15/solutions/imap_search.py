"""Exercise 1, the reference solution."""
import email
from email import policy

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def search(imap, sender, text, since, unseen=False):
    imap.select("INBOX", readonly=True)   # EXAMINE: nothing we do here can change a flag
    day = f"{since.day}-{MONTHS[since.month - 1]}-{since.year}"   # not %b: it follows the locale
    criteria = ["FROM", quoted(sender), "TEXT", quoted(text), "SINCE", day]
    if unseen:
        criteria.append("UNSEEN")
    uids = imap.uid("SEARCH", *criteria)[1][0].split()
    found = []
    for uid in uids:
        # BODY.PEEK: unlike BODY[...], fetching it never sets \Seen, even read-write.
        data = imap.uid("FETCH", uid, "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")[1]
        headers = email.message_from_bytes(data[0][1], policy=policy.default)
        found.append((int(uid), str(headers["Subject"])))
    return found


def quoted(value):
    """An IMAP quoted string: imaplib sends arguments as they are."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
