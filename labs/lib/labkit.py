"""labkit: the plumbing every lab program shares, so each chapter's programs show only the
socket calls they teach. On every host's PYTHONPATH (the base image sets it), so a program
says `import labkit` and nothing more.

- arguments: the types port, seconds, positive; roles() and parse_roles() for programs
  that are a server or its client; login_options() for the lab account
- one-line error exits: fail("...") prints `PROGRAM: ...` on stderr and exits non-zero;
  main(...) runs a program so that Ctrl-C, socket errors and unfinished exercises end in one
  line, never a traceback
- exercises: answer("name") imports the student's module of this chapter (exercises/name.py,
  or another folder when a grader says so)
- framing: recv_exactly() and recv_line() for chapters past the one that teaches them
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path
from typing import Callable, NoReturn

ANSWERS = "PLAYGROUND_ANSWERS"   # which folder of the chapter holds the student's modules
NOT_DONE = 3                     # the exit status of a program whose exercise is not done


def prog() -> str:
    return os.path.basename(sys.argv[0]) or "python3"


def fail(message: str, status: int = 1) -> NoReturn:
    """One line on stderr, named after the program, and a non-zero exit."""
    print(f"{prog()}: {message}", file=sys.stderr)
    sys.exit(status)


def port(text: str) -> int:
    """argparse type: a TCP or UDP port number, so a typo is a usage error."""
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return int(text)


def seconds(text: str) -> float:
    """argparse type: a duration of more than 0 seconds."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds: {text}")
    return value


def positive(text: str) -> int:
    """argparse type: a whole number of at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def roles(description: str, default_port: int, host: str | None = None,
          timeout: float | None = None) -> argparse.ArgumentParser:
    """The arguments of a program that is a server or a client of one: ROLE, HOST (where the
    client connects; `host` is its default), --port and, with a timeout, --timeout. Add the
    program's own, then call parse_roles()."""
    parser = argparse.ArgumentParser(description=description.strip().splitlines()[0])
    parser.add_argument("role", choices=["server", "client"])
    parser.add_argument("host", nargs="?", default=host,
                        help="the server to connect to (client only)")
    parser.add_argument("--port", type=port, default=default_port,
                        help=f"the server's port (default {default_port})")
    if timeout is not None:
        parser.add_argument("--timeout", type=seconds, default=timeout,
                            help=f"client: seconds to wait (default {timeout:g})")
    return parser


def login_options(parser: argparse.ArgumentParser) -> None:
    """--user and --password, for the lab's own account (lab-only passwords)."""
    parser.add_argument("--user", default="student")
    parser.add_argument("--password", default="abc123", help="a lab-only password")


def parse_roles(parser: argparse.ArgumentParser) -> argparse.Namespace:
    """The arguments, options anywhere; a client must be told its server."""
    args = parser.parse_intermixed_args()
    if args.role == "client" and not args.host:
        parser.error("the client needs the server's host name")
    return args


def main(program: Callable[[], object]) -> None:
    """Run program(): Ctrl-C ends it quietly; an unfinished exercise, an OSError or an
    EOFError ends in one line."""
    try:
        program()
    except KeyboardInterrupt:
        sys.exit(130)
    except NotImplementedError as exc:
        where = _exercise_of(exc)
        if where is None:
            raise
        print(f"{prog()}: {where}: not done yet", file=sys.stderr)
        sys.exit(NOT_DONE)
    except OSError as exc:
        fail(exc.strerror or str(exc))
    except EOFError as exc:   # a peer that closed in the middle of a message
        fail(str(exc) or "the other side closed the connection")


def answer(name: str):
    """The student's module `name` of the calling program's chapter: exercises/NAME.py, or
    the folder that $PLAYGROUND_ANSWERS names (solutions, when a grader checks ours; an
    absolute path, where `playground grade` put a submission)."""
    chapter = Path(sys._getframe(1).f_globals["__file__"]).resolve().parent
    path = chapter / os.environ.get(ANSWERS, "exercises") / f"{name}.py"
    if not path.is_file():
        fail(f"{path} is missing: restore it from the playground's repository")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _exercise_of(exc: BaseException) -> str | None:
    """'exercise N (README section "...")' when exc comes from an untouched exercise stub."""
    tb = exc.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    module = Path(tb.tb_frame.f_code.co_filename)
    chapter = module.parent.parent
    for number, section, stem in exercises(chapter):
        if stem == module.stem:
            return f'exercise {number} (README section "{section}")'
    return None


def exercises(chapter: Path) -> list[tuple[int, str, str]]:
    """(number, README section, module) of each exercise in the chapter's lab.yaml."""
    import yaml   # only here: most programs never need it
    try:
        with open(chapter / "lab.yaml") as f:
            lab = yaml.safe_load(f)
    except OSError:
        return []
    return [(int(n), f"Exercise {n}: {e['title']}", e["module"])
            for n, e in lab.get("exercises", {}).items()]


def recv_exactly(sock, size: int) -> bytes:
    """Exactly size bytes from a stream socket; EOFError if the peer closes before that."""
    data = bytearray()
    while len(data) < size:
        more = sock.recv(size - len(data))
        if not more:
            raise EOFError(f"connection closed after {len(data)} of {size} bytes")
        data += more
    return bytes(data)


def recv_line(sock, limit: int = 65536) -> bytes:
    """One line (up to and including b"\\n") from a stream socket, at most limit bytes;
    EOFError if the peer closes first, ValueError if the line is longer than limit."""
    data = bytearray()
    while not data.endswith(b"\n"):
        if len(data) >= limit:
            raise ValueError(f"a line longer than {limit} bytes")
        more = sock.recv(1)
        if not more:
            raise EOFError(f"connection closed after {len(data)} bytes of a line")
        data += more
    return bytes(data)
