"""Exercise 2, wrong: flags \\Deleted before COPY, so the copies arrive marked \\Deleted too."""


def move_matching(imap, source, target, sender):
    imap.select(source)
    uids = imap.uid("SEARCH", "FROM", f'"{sender}"')[1][0].split()
    if not uids:
        return 0
    uid_set = b",".join(uids).decode()
    imap.uid("STORE", uid_set, "+FLAGS", r"(\Deleted)")
    imap.uid("COPY", uid_set, target)
    imap.uid("EXPUNGE", uid_set)
    return len(uids)
