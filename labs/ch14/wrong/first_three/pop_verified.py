"""Exercise 1, wrong: asks LIST for messages 1 to 3, the seed mailbox, whatever is there."""
import poplib
import ssl


def open_mailbox(host, port, user, password):
    pop = poplib.POP3_SSL(host, port, context=ssl.create_default_context(), timeout=10)
    pop.user(user)
    pop.pass_(password)
    return pop


def message_sizes(pop):
    return {n: int(pop.list(n).split()[2]) for n in range(1, 4)}
