"""Exercise 2, wrong: plain SEARCH gives sequence numbers, then used as UIDs in UID MOVE."""


def move_matching(imap, source, target, sender):
    imap.select(source)
    numbers = imap.search(None, "FROM", f'"{sender}"')[1][0].split()
    if numbers:
        imap.uid("MOVE", b",".join(numbers).decode(), target)
    return len(numbers)
