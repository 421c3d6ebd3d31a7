"""Exercise 1: a search that marks nothing seen (labs/ch15/README.md). The program around
it is labs/ch15/search.py; imaplib and the email package are what you need."""


def search(imap, sender, text, since, unseen=False):
    """TODO: imap is a logged-in imaplib session. In INBOX, find the messages FROM sender
    that contain text anywhere (headers or body: TEXT), that arrived on or after since (a
    datetime.date: SINCE wants it as 1-Dec-2026), and, if unseen, have not been read.
    Return [(uid, subject)] in UID order: uid an int (the message's UID, not its sequence
    number), subject the decoded Subject header. Reading must not mark anything seen:
    open the folder read-only, or fetch with BODY.PEEK (or both)."""
    raise NotImplementedError
