"""A tour of the student's mailbox with poplib: connect three ways (POP3S on 995, STLS on
110, or in clear on 110), log in with USER/PASS or APOP, and print what the server offers
(CAPA), how many messages there are and the size of each (STAT, LIST). Nothing is read or
deleted, so the mailbox stays as it was."""
import argparse
import poplib
import ssl

import labkit

PORTS = {"pop3s": 995, "stls": 110, "clear": 110}


def connect(host, port, mode):
    """A POP3 session in the given mode. Every TLS here is verified: poplib's POP3_SSL and
    stls() given no context encrypt but accept any certificate at all."""
    context = ssl.create_default_context()
    if mode == "pop3s":
        return poplib.POP3_SSL(host, port, context=context, timeout=10)
    pop = poplib.POP3(host, port, timeout=10)
    if mode == "stls":
        pop.stls(context)   # raises error_proto when the server offers no STLS
    return pop


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the POP server, e.g. mail.example.com")
    parser.add_argument("--mode", choices=PORTS, default="pop3s",
                        help="pop3s: TLS from the first byte (995); stls: upgraded (110); "
                             "clear: nothing encrypted (110)")
    parser.add_argument("--port", type=labkit.port, help="default: 995 or 110 by mode")
    labkit.login_options(parser)
    parser.add_argument("--apop", action="store_true",
                        help="APOP: send an MD5 digest of the greeting's timestamp and the "
                             "password instead of the password")
    parser.add_argument("--debug", action="store_true", help="show each command and reply")
    args = parser.parse_args()

    pop = connect(args.host, args.port or PORTS[args.mode], args.mode)
    try:
        pop.set_debuglevel(2 if args.debug else 0)
        print(f"greeting: {pop.getwelcome().decode()}")
        print(f"offers: {' '.join(sorted(pop.capa()))}")
        if args.apop:
            pop.apop(args.user, args.password)
        else:
            pop.user(args.user)
            pop.pass_(args.password)
        print(f"logged in as {args.user} with {'APOP' if args.apop else 'USER/PASS'} "
              f"({args.mode})")
        count, total = pop.stat()
        print(f"{count} messages, {total} bytes")
        for entry in pop.list()[1]:
            number, size = entry.split()
            print(f"message {number.decode()}: {size.decode()} bytes")
    except poplib.error_proto as exc:   # a -ERR reply: one line, not a traceback
        labkit.fail(f"the server said: {exc}")
    finally:
        pop.quit()


if __name__ == "__main__":
    labkit.main(main)
