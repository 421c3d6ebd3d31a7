"""Exercise 2, wrong: picks the From: and Subject: lines by prefix, losing folded continuations."""
from email.header import decode_header, make_header


def summaries(pop):
    found = []
    for entry in pop.list()[1]:
        number, size = (int(word) for word in entry.split())
        fields = {}
        for line in pop.top(number, 0)[1]:
            name, _, value = line.decode("ascii", "replace").partition(": ")
            if name.lower() in ("from", "subject"):
                fields[name.lower()] = str(make_header(decode_header(value)))
        found.append((number, size, fields.get("from", ""), fields.get("subject", "")))
    return found
