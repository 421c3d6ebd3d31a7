"""Exercise 2, wrong: lists messages 1 to 3, the seed mailbox, whatever is there."""
import email
from email import policy


def summaries(pop):
    found = []
    for number in range(1, 4):
        size = int(pop.list(number).split()[2])
        headers = email.message_from_bytes(b"\r\n".join(pop.top(number, 0)[1]),
                                           policy=policy.default)
        found.append((number, size, str(headers["From"]), str(headers["Subject"])))
    return found
