"""Exercise 1, the reference solution."""
import poplib
import ssl


def open_mailbox(host, port, user, password):
    # The TLS handshake happens in the constructor: a certificate that fails to verify
    # raises there, before USER is ever sent.
    pop = poplib.POP3_SSL(host, port, context=ssl.create_default_context(), timeout=10)
    try:
        pop.user(user)
        pop.pass_(password)
    except BaseException:
        pop.close()
        raise
    return pop


def message_sizes(pop):
    _, entries, _ = pop.list()
    return {int(number): int(size) for number, size in (entry.split() for entry in entries)}
