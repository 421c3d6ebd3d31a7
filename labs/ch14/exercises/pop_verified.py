"""Exercise 1: a verifying POP3S client that lists messages and sizes (labs/ch14/README.md).
The program around it is labs/ch14/list_sizes.py; poplib and ssl are what you need."""


def open_mailbox(host, port, user, password):
    """TODO: connect to host:port with POP3 over TLS (timeout 10 s) so that the server's
    certificate is checked against the system's CAs AND against host, log in as user, and
    return the poplib session. A server whose certificate does not verify must get an
    exception and never the user name or the password. (What does poplib.POP3_SSL check
    when you give it no context?)"""
    raise NotImplementedError


def message_sizes(pop):
    """TODO: return {message number: size in octets} for every message in the mailbox, as
    the server counts them (LIST), without reading, marking or deleting any message."""
    raise NotImplementedError
