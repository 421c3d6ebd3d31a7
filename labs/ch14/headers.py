"""Exercise 2's program: one line per message (number, size, sender, subject) read from the
headers alone. It logs in on port 110 with APOP, so the password never crosses the wire
but every command does: watch them with a capture. The reading is summaries() (the
student's, in exercises/pop_headers.py)."""
import argparse
import poplib

import labkit

PORT = 110
summaries = labkit.answer("pop_headers").summaries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the POP server, e.g. mail.example.com")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    labkit.login_options(parser)
    args = parser.parse_args()
    pop = poplib.POP3(args.host, args.port, timeout=10)
    try:
        pop.apop(args.user, args.password)
        lines = [f"{number} {size} {sender} | {subject}"
                 for number, size, sender, subject in summaries(pop)]
    except poplib.error_proto as exc:   # a -ERR reply: one line, not a traceback
        labkit.fail(f"the server said: {exc}")
    finally:
        pop.quit()
    print("\n".join(lines))


if __name__ == "__main__":
    labkit.main(main)
