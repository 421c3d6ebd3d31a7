"""Exercise 1, wrong: POP3_SSL without a context, which encrypts to any certificate."""
import poplib


def open_mailbox(host, port, user, password):
    pop = poplib.POP3_SSL(host, port, timeout=10)
    pop.user(user)
    pop.pass_(password)
    return pop


def message_sizes(pop):
    _, entries, _ = pop.list()
    return {int(number): int(size) for number, size in (entry.split() for entry in entries)}
