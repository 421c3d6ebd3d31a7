"""Exercise 1's program: list the messages in the mailbox and their sizes over POP3S, with
the server's certificate verified. The connection and the login are open_mailbox(), the
sizes message_sizes() (the student's, in exercises/pop_verified.py); this program prints
them and ends the session without changing anything."""
import argparse
import poplib

import labkit

PORT = 995
answer = labkit.answer("pop_verified")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the POP3S server, e.g. mail.example.com")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    labkit.login_options(parser)
    args = parser.parse_args()
    try:
        pop = answer.open_mailbox(args.host, args.port, args.user, args.password)
        try:
            sizes = answer.message_sizes(pop)
        finally:
            pop.quit()
    except poplib.error_proto as exc:   # a -ERR reply: one line, not a traceback
        labkit.fail(f"the server said: {exc}")
    for number in sorted(sizes):
        print(f"message {number}: {sizes[number]} bytes")
    print(f"{len(sizes)} messages, {sum(sizes.values())} bytes")


if __name__ == "__main__":
    labkit.main(main)
