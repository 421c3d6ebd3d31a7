"""Exercise 3: an IDLE waiter that wakes on new mail (labs/ch15/README.md). The program
around it is labs/ch15/idle_wait.py. Python 3.11's imaplib has no idle() (3.14 adds one):
send the command yourself with imap.send() and read the server's lines with
imap.readline(); imap.socket() is the socket, for its timeout."""


def wait_for_mail(imap, timeout):
    """TODO: imap has INBOX selected. Start IDLE (RFC 2177), wait until the server says
    '* N EXISTS' (N messages now: the newest is number N), end IDLE with DONE and read the
    server's tagged reply, then fetch that message's subject without marking it seen
    (BODY.PEEK) and return it decoded. Send nothing while you wait: no polling. If no new
    mail comes within timeout seconds, raise TimeoutError."""
    raise NotImplementedError
