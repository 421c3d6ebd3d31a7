"""Exercise 1, wrong: sizes measured by RETR, which marks messages seen and drops the CRLFs."""
import poplib
import ssl


def open_mailbox(host, port, user, password):
    pop = poplib.POP3_SSL(host, port, context=ssl.create_default_context(), timeout=10)
    pop.user(user)
    pop.pass_(password)
    return pop


def message_sizes(pop):
    count, _ = pop.stat()
    return {n: sum(len(line) for line in pop.retr(n)[1]) for n in range(1, count + 1)}
