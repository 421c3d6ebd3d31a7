"""Exercise 2: a mover that moves exactly the matching messages (labs/ch15/README.md). The
program around it is labs/ch15/mover.py; imaplib is what you need."""


def move_matching(imap, source, target, sender):
    """TODO: imap is a logged-in imaplib session. Move every message in folder source FROM
    sender into folder target, and return how many you moved. Nothing else may change:
    the copies arrive with the flags they had, and every other message in source stays,
    flags and all, even one that its owner marked \\Deleted and did not expunge. (COPY,
    then STORE +FLAGS \\Deleted, then EXPUNGE: what does EXPUNGE remove? The server offers
    UIDPLUS and MOVE: see RFC 4315 and RFC 6851.)"""
    raise NotImplementedError
