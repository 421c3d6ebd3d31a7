"""Exercise 2, wrong: COPY, STORE \\Deleted, then a plain EXPUNGE, which removes every \\Deleted message."""


def move_matching(imap, source, target, sender):
    imap.select(source)
    uids = imap.uid("SEARCH", "FROM", f'"{sender}"')[1][0].split()
    if not uids:
        return 0
    uid_set = b",".join(uids).decode()
    imap.uid("COPY", uid_set, target)
    imap.uid("STORE", uid_set, "+FLAGS", r"(\Deleted)")
    imap.expunge()
    return len(uids)
