"""Exercise 2, wrong: copies the messages but never removes them from the source folder."""


def move_matching(imap, source, target, sender):
    imap.select(source)
    uids = imap.uid("SEARCH", "FROM", f'"{sender}"')[1][0].split()
    if uids:
        imap.uid("COPY", b",".join(uids).decode(), target)
    return len(uids)
