"""Exercise 2, the reference solution."""
import email
from email import policy


def summaries(pop):
    _, entries, _ = pop.list()
    found = []
    for entry in entries:
        number, size = (int(word) for word in entry.split())
        # TOP n 0: the headers and the blank line, no body lines; unlike RETR it leaves
        # the message unread.
        _, lines, _ = pop.top(number, 0)
        headers = email.message_from_bytes(b"\r\n".join(lines) + b"\r\n",
                                           policy=policy.default)
        found.append((number, size, str(headers["From"]), str(headers["Subject"])))
    return found
