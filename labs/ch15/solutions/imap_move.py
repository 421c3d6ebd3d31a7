"""Exercise 2, the reference solution. (UID MOVE, RFC 6851, does the same in one command.)"""


def move_matching(imap, source, target, sender):
    imap.select(source)   # read-write: the messages must leave it
    uids = imap.uid("SEARCH", "FROM", quoted(sender))[1][0].split()
    if not uids:
        return 0
    uid_set = b",".join(uids).decode()
    # Copy first, while the messages still have only their own flags, and flag nothing
    # unless the copy worked.
    status, reply = imap.uid("COPY", uid_set, target)
    if status != "OK":
        raise imap.error(f"copying to {target}: {reply[0].decode()}")
    imap.uid("STORE", uid_set, "+FLAGS.SILENT", r"(\Deleted)")
    # UID EXPUNGE (UIDPLUS, RFC 4315) removes only these; a plain EXPUNGE would also
    # remove every other message someone had marked \Deleted in source.
    imap.uid("EXPUNGE", uid_set)
    return len(uids)


def quoted(value):
    """An IMAP quoted string: imaplib sends arguments as they are."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
