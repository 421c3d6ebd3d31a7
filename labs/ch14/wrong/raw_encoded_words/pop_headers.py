"""Exercise 2, wrong: parses with the default (compat32) policy, so encoded words stay encoded."""
import email


def summaries(pop):
    found = []
    for entry in pop.list()[1]:
        number, size = (int(word) for word in entry.split())
        headers = email.message_from_bytes(b"\r\n".join(pop.top(number, 0)[1]))
        subject = " ".join(str(headers["Subject"]).split())   # folded lines joined
        found.append((number, size, str(headers["From"]), subject))
    return found
