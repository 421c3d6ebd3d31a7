"""Exercise 1, wrong: checks the chain but not the name, so any lab host can pose as mail."""
import poplib
import ssl


def open_mailbox(host, port, user, password):
    context = ssl.create_default_context()
    context.check_hostname = False   # "the CA is ours anyway"
    pop = poplib.POP3_SSL(host, port, context=context, timeout=10)
    pop.user(user)
    pop.pass_(password)
    return pop


def message_sizes(pop):
    _, entries, _ = pop.list()
    return {int(number): int(size) for number, size in (entry.split() for entry in entries)}
