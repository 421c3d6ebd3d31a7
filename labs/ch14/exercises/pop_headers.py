"""Exercise 2: a header-only lister that reads with TOP (labs/ch14/README.md). The program
around it is labs/ch14/headers.py; poplib and the email package are what you need."""


def summaries(pop):
    """TODO: return [(number, size, sender, subject)] for every message in the logged-in
    POP session pop, in message order: number and size (octets, as LIST says) as ints,
    sender and subject as str, decoded as a reader sees them (RFC 2047 encoded words
    decoded, folded lines unfolded). Fetch only the headers (TOP), never whole messages
    (RETR marks a message as read on this server), and change nothing."""
    raise NotImplementedError
