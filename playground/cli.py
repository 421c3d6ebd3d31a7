"""The `playground` command: one function per verb, its arguments declared beside it.

`playground VERB --help` for each; every verb prints one clear line on error and exits
non-zero; scripts/VERB are thin shims for the README's commands.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import benchmark, book, capture as _capture, diagram as _diagram, labs, lifecycle
from .engine import PlaygroundError, check_engine, container
from .project import HOME, INSTANCE, bad_instance
from .topology import Topology, TopologyError

BENCH = "bench"   # the instance `bench` measures on


@dataclass
class Verb:
    run: Callable
    help: str
    description: str
    arguments: list = field(default_factory=list)   # (args, kwargs) for add_argument
    intermixed: bool = False   # options may follow positionals (as with tcpdump's filter)
    passthrough: str = ""      # the argument that takes all the rest as it is (for pytest)

    def parser(self, name: str) -> argparse.ArgumentParser:
        p = Parser(prog=f"playground {name}", description=self.description)
        for args, kwargs in self.arguments:
            p.add_argument(*args, **kwargs)
        return p


VERBS: dict[str, Verb] = {}
NEEDS_INSTANCE = {"status", "shell", "capture", "down"}   # verbs that only use what up made


def verb(help: str, description: str, *arguments, intermixed: bool = False,
         passthrough: str = ""):
    """Declare a verb: its help, description and arguments (made with arg())."""
    def register(fn):
        VERBS[fn.__name__] = Verb(fn, help, description, list(arguments), intermixed,
                                  passthrough)
        return fn
    return register


class Parser(argparse.ArgumentParser):
    """Bad arguments are one line (argparse's usage is behind --help)."""

    def error(self, message):
        verb_name = self.prog.split()[-1]
        sys.exit(f"playground: {verb_name}: {message} (see playground {verb_name} --help)")


def arg(*args, **kwargs):
    return args, kwargs


def seconds(text: str) -> float:
    """A number of seconds, more than 0 (an argparse type)."""
    try:
        value = float(text)
    except ValueError:
        value = 0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds above 0")
    return value


@verb("build (first time), start and check the whole network",
      "Start the playground: make the lab CA if absent, build the images if absent, start "
      "the 12 hosts, wait until the network works end to end and print a table of hosts. "
      "A quick no-op when already up.",
      arg("--build", action="store_true", help="rebuild the images and recreate hosts"),
      arg("--new-ca", action="store_true",
          help="make a new CA, certificates and SSH key, and roll them out"),
      arg("--timeout", type=seconds, default=120, help="seconds to wait for readiness"),
      arg("--take-over", action="store_true",
          help="replace the playground another checkout runs by this one's (CI does)"),
      arg("--book", metavar="PATH",
          help="mount your checkout of the book's code at /fopnp on every host (remembered)"),
      arg("--no-book", action="store_true", help="forget the checkout --book remembered"))
def up(args, topo):
    book.choose(args.book, forget=args.no_book)
    lifecycle.up(topo, rebuild=args.build, new_ca=args.new_ca, timeout=args.timeout,
                 take_over=args.take_over)
    print(lifecycle.format_table(lifecycle.status(topo)))
    print("map: ./scripts/map (the network and its packets, live in the browser)")


@verb("stop and remove the hosts and their networks",
      "Remove the playground's containers and networks (images and certificates stay). "
      "Fine when already down.",
      arg("--forget", action="store_true",
          help="a named instance: also remove its certificates and subnets (.instances/NAME)"))
def down(args, topo):
    lifecycle.down(forget=args.forget)


@verb("print the table of hosts; exit 1 unless all ready",
      "Print host, role, lab addresses and state of every host. Exit status 0 only when "
      "every host is ready.",
      arg("--limits", action="store_true",
          help="print instead each host's process, memory and CPU limits (from compose.yaml)"))
def status(args, topo):
    if args.limits:
        print(_diagram.limits_table(topo))
        return
    check_engine()
    rows = lifecycle.status(topo)
    print(lifecycle.format_table(rows))
    if any(r["state"] != "ready" for r in rows):
        sys.exit(1)


@verb("a shell (or a command) on a host", "Open bash on HOST, or run COMMAND there.",
      arg("host", help="a host name from compose.yaml, e.g. h1"),
      arg("command", nargs=argparse.REMAINDER, help="command to run instead of bash"))
def shell(args, topo):
    host = require_running(topo, args.host)
    exec_interactive(host, args.command or ["bash"])


@verb("tcpdump on a host, live or into a pcap file",
      "Watch packets on HOST (all interfaces, or the one facing NEIGHBOUR) live in the "
      "terminal, or with -w write them to a pcap file on this machine, ready for Wireshark.",
      arg("host", help="where to capture, e.g. isp"),
      arg("filter", nargs="*", help="a tcpdump filter, e.g. udp port 53"),
      arg("--facing", metavar="NEIGHBOUR", help="only the link towards this host"),
      arg("-w", "--write", metavar="FILE", help="write a pcap file here instead"),
      arg("--seconds", type=seconds, help="with -w: stop after this many seconds"),
      arg("--ladder", action="store_true",
          help="with -w: also draw its ladder diagram beside it (FILE.svg)"),
      intermixed=True)
def capture(args, topo):
    if args.write:
        _capture.writable(args.write)   # before anything starts
    if args.facing:
        require_host(topo, args.facing)
    host = require_running(topo, args.host)
    try:
        iface = _capture.interface(topo, host, args.facing)
    except KeyError as e:
        raise PlaygroundError(f"{e.args[0]}; its neighbours are: "
                              f"{', '.join(topo.neighbours(host))}") from None
    _capture.check_filter(host, iface, " ".join(args.filter))
    if not args.write:
        exec_interactive(host, ["tcpdump", "-n", "-l", "-i", iface, *args.filter])
    cap = _capture.Capture(host, iface, " ".join(args.filter), Path(args.write).resolve())
    cap.wait_listening()
    print(f"playground: capturing on {host} {iface}; Ctrl-C to stop", file=sys.stderr)
    try:
        time.sleep(args.seconds or 10**9)
    except KeyboardInterrupt:
        pass
    packets = cap.finish()
    print(f"playground: {len(packets)} packets written to {args.write}", file=sys.stderr)
    if args.ladder:
        from . import ladder as _ladder   # here: only these verbs draw
        drawn = _ladder.write(cap.path, topo, host=host)
        print(f"playground: its ladder diagram: {drawn}", file=sys.stderr)


@verb("print the topology as a Mermaid diagram",
      "Print a Mermaid flowchart of hosts and links, drawn from compose.yaml (README.md "
      "embeds it; GitHub renders it).")
def diagram(args, topo):
    print(_diagram.mermaid(topo))


@verb("a live map of the playground in the browser, packets moving on it",
      "Serve a page on 127.0.0.1 only: the hosts and links of compose.yaml with each host's "
      "readiness, and the packets matching a filter typed in the page shown crossing the "
      "links hop by hop (captured on the routers), with record, replay and pcap files. "
      "Read-only: no shells, no commands. Captures only while a page is open with a filter.",
      arg("--port", type=int, default=8015, help="port on 127.0.0.1 (default 8015)"))
def map(args, topo):   # the verb's name (this module uses no builtin map)
    from . import livemap   # here: only this verb needs aiohttp
    if not 0 < args.port < 65536:
        raise PlaygroundError(f"--port {args.port}: give a port from 1 to 65535")
    check_engine()
    livemap.serve(topo, args.port)


@verb("bounded load: ch07's servers under 200 clients, a 10,000 packets/s capture",
      "On the running playground: every chapter 7 server on www under 200 concurrent clients "
      "from h1-h4 (requests per second, latency, errors), then tcpdump on isp while h1 sends "
      "RATE UDP datagrams a second to www (sent, captured, dropped by the kernel). Prints "
      "figures; asserts nothing. About two minutes.",
      arg("--seconds", type=seconds, default=10, help="per chapter 7 server (at most 10)"),
      arg("--rate", type=int, default=10000, help="datagrams a second (at most 20000)"),
      arg("--rate-seconds", type=seconds, default=10, help="for how long (at most 10)"))
def stress(args, topo):
    from . import stress as _stress   # here: only this verb needs it
    if args.seconds > 10 or args.rate_seconds > 10 or not 0 < args.rate <= 20000:
        raise PlaygroundError("stress is bounded: --seconds and --rate-seconds at most 10, "
                              "--rate from 1 to 20000")
    require_running(topo, "www")
    _stress.main(topo, args.seconds, args.rate, args.rate_seconds)


@verb("measure start-up, shut-down, idle CPU and memory",
      "On a playground of its own (the instance `bench`, removed at the end; yours keeps "
      "running): the floors (bare containers; compose with a sleep for entrypoint), up from "
      "down with where its time goes, up when up, down, and the idle CPU and memory of one "
      "playground. Prints figures and ratios; asserts nothing.",
      arg("--idle-seconds", type=seconds, default=10, help="idle sampling window"),
      arg("--cold-build", action="store_true",
          help="instead: build every image with no cache, one after another, and print the "
               "times and sizes (several minutes; the next `up` recreates the hosts)"),
      arg("--map", action="store_true",
          help="instead: the live map's CPU with no page and with a page watching a filter "
               "while h1 sends 100 packets/s to www for 20 s (about a minute)"))
def bench(args, topo):
    if args.cold_build:
        return benchmark.cold_build(topo)
    if args.map:
        from . import mapbench   # here: only this option needs aiohttp
        return mapbench.main(topo)
    if INSTANCE != BENCH:
        on_instance(BENCH, "bench", "--idle-seconds", str(args.idle_seconds))
    benchmark.main(topo, args.idle_seconds)


@verb("start if needed, then run the test suite",
      "Start the playground when it is not up, then run pytest: with no PYTEST_ARGS the "
      "whole suite (unit, integration, every lab graded against its solutions); otherwise "
      "pytest with those arguments, e.g. `labs/ch06 -x`.",
      arg("pytest_args", nargs="*", metavar="PYTEST_ARGS", help="arguments for pytest"),
      passthrough="pytest_args")
def test(args, topo):
    import pytest   # here: only this verb needs it
    lifecycle.up(topo)
    sys.exit(pytest.main(args.pytest_args or ["tests", "labs", "--solutions"]))


@verb("check every chapter against its lab.yaml",
      "The lab lint: for each chapter (or those named), what does not hold to its "
      "descriptor (README sections, stubs, solutions, graders, ports). Exit 1 if anything.",
      arg("chapters", nargs="*", metavar="chNN", help="chapters to check (default: all)"),
      arg("--index", action="store_true",
          help="print the table of chapters for labs/README.md instead"))
def lint(args, topo):
    if args.index:
        print(labs.index())
        return
    folders = chapter_folders(args.chapters)
    problems = [p for folder in folders for p in labs.lint(folder, topo)]
    print("\n".join(problems) or f"{len(folders)} chapters hold to their descriptors")
    sys.exit(1 if problems else 0)


@verb("grade each chapter's wrong solutions; all must fail",
      "For every labs/chNN/wrong/NAME (a plausible wrong solution of one exercise), run the "
      "chapter's grader on it for that exercise and print whether it was caught. Exit 1 if "
      "any wrong solution passes. Needs the playground up; takes a few seconds per solution.",
      arg("chapters", nargs="*", metavar="chNN", help="chapters to examine (default: all)"))
def examine(args, topo):
    folders = chapter_folders(args.chapters)
    missed = 0
    for folder in folders:
        for wrong in labs.wrong_answers(folder):
            try:
                failed = labs.grade(folder, wrong)
            except ValueError as e:
                raise PlaygroundError(str(e)) from None
            missed += not failed
            print(f"{folder.name} exercise {wrong.exercise} {wrong.folder.name}: "
                  f"{'caught by ' + ', '.join(failed) if failed else 'MISSED'} "
                  f"({wrong.what})", flush=True)
    sys.exit(1 if missed else 0)


@verb("draw a pcap as a ladder (sequence) diagram, an SVG a browser opens",
      "Draw FILE.pcap as a self-contained SVG: the hosts as columns (named from compose.yaml; "
      "a NAT router's outside address as the hosts behind it), one arrow per packet saying "
      "what it carries (TCP flags, DNS question and answer, TLS records, the first line of "
      "HTTP, SMTP, IMAP, FTP), time down the side, payload excerpts. Written beside it as "
      "FILE.svg unless -o says where.",
      arg("pcap", metavar="FILE.pcap", help="a pcap file (not pcapng), e.g. from capture -w"),
      arg("-o", "--output", metavar="OUT.svg", help="where to write the diagram"),
      arg("--host", help="the host it was captured on (default: from a name like "
                         "isp-any-1.pcap), to name an address several hosts share"))
def ladder(args, topo):
    from . import ladder as _ladder
    path = Path(args.pcap)
    if not path.is_file():
        raise PlaygroundError(f"{path}: no such file; give a pcap file, e.g. one that "
                              "`playground capture HOST -w FILE.pcap` wrote")
    if args.host:
        require_host(topo, args.host)
    try:
        drawn = _ladder.write(path, topo, Path(args.output) if args.output else None, args.host)
    except (ValueError, EOFError) as e:
        raise PlaygroundError(f"{path}: not a pcap file I can read ({e}); a pcapng one can "
                              "be converted with `editcap -F pcap IN OUT`") from None
    print(drawn)


@verb("grade a student's work from outside this checkout, or a whole class",
      "Grade SUBMISSION (a folder or .zip holding chNN/exercises/*.py) against the live "
      "playground: its files go into the hosts under /var/tmp/playground-grade/STUDENT "
      "(never into labs/), the chapters' exercise tests run on them with a time limit, and "
      "the hosts are put back afterwards (its processes killed, its files removed, the "
      "mailbox reset). Writes report.html, results.json (Gradescope), junit.xml and log.txt. "
      "With --class DIR: every submission in DIR, one after another, and the table of "
      "students x exercises as table.csv and table.html.",
      arg("submission", nargs="?", help="a student's folder or .zip (its name is the id)"),
      arg("--class", dest="class_dir", metavar="DIR",
          help="a folder of submissions, one folder or .zip per student"),
      arg("--student", metavar="ID", help="the student's id (default: the submission's name)"),
      arg("--time-limit", type=float, default=900, metavar="SECONDS",
          help="per student; a run still going is stopped and marked (default 900)"),
      arg("-o", "--out", metavar="DIR",
          help="where the results go (default results/grade/ID, or results/class)"))
def grade(args, topo):
    from . import grade as _grade   # here: it imports pytest's plugin
    if bool(args.submission) == bool(args.class_dir):
        raise PlaygroundError("give one SUBMISSION folder or .zip, or --class DIR")
    if not args.time_limit > 0:
        raise PlaygroundError(f"--time-limit {args.time_limit:g}: give seconds above 0")
    if args.class_dir:
        out = Path(args.out or _grade.CLASS_OUT)
        _grade.grade_class(topo, Path(args.class_dir), out, args.time_limit)
        print(f"class table: {out / 'table.csv'} and {out / 'table.html'}")
        return
    sid = _grade.student_id(Path(args.submission), args.student)
    out = Path(args.out or _grade.ONE_OUT / sid)
    graded = _grade.grade(topo, Path(args.submission), out, sid, args.time_limit)
    print(_grade.summary(graded))
    for (chapter, n), state in graded.cells.items():
        print(f"  {chapter} exercise {n}: {state}")
    print(f"report: {out / 'report.html'} (results.json, junit.xml and log.txt beside it)")


def chapter_folders(names: list[str]) -> list[Path]:
    """The folders of the chapters named (all when none are)."""
    known = labs.chapters()
    for name in names:
        if labs.LABS / name not in known:
            raise PlaygroundError(f"no chapter {name!r} in labs/: the chapters are "
                                  f"{known[0].name} to {known[-1].name}")
    return [labs.LABS / name for name in names] or known


def require_host(topo: Topology, name: str) -> str:
    if name not in topo.hosts:
        raise PlaygroundError(f"no host named {name!r}; the hosts are: {', '.join(topo.names)}")
    return name


def require_running(topo: Topology, name: str) -> str:
    host = require_host(topo, name)
    check_engine()
    if host not in lifecycle.running(topo):
        raise PlaygroundError(f"{host} is not running: start the playground with ./scripts/up")
    return host


def exec_interactive(host: str, argv: list[str]) -> None:
    """Become `docker exec` on host, with a terminal when we have one (Ctrl-C reaches argv):
    the one place the docker CLI is needed for exec, since it attaches the terminal."""
    tty = ["-it"] if sys.stdin.isatty() else ["-i"]
    os.execvp("docker", ["docker", "exec", *tty, container(host), *argv])


def instance_option(argv: list[str]) -> tuple[list[str], str | None]:
    """Take `--instance NAME` (or --instance=NAME) out of any verb's arguments: the same as
    PLAYGROUND=NAME; an empty NAME is the default playground."""
    for i, word in enumerate(argv):
        if word == "--instance" and i + 1 < len(argv):
            return argv[:i] + argv[i + 2:], argv[i + 1]
        if word.startswith("--instance="):
            return argv[:i] + argv[i + 1:], word.partition("=")[2]
    return argv, None


def usage() -> str:
    width = max(len(name) for name in VERBS)
    lines = [f"  {name.ljust(width)}  {v.help}" for name, v in VERBS.items()]
    return ("usage: playground VERB [ARGS] (playground VERB --help for its own)\n\n"
            "Network Playground commands:\n" + "\n".join(lines) + "\n\n"
            "PLAYGROUND=NAME (or --instance NAME) works on a named playground of its own "
            "beside the default one.")


def on_instance(name: str, *argv: str) -> None:
    """Run `playground ARGV` on instance NAME in place of this process (it does not return):
    every module reads $PLAYGROUND once, on import."""
    os.execve(sys.executable, [sys.executable, "-m", "playground", *argv],
              {**os.environ, "PLAYGROUND": name})


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    argv, instance = instance_option(argv)
    if instance is not None and instance != INSTANCE:
        on_instance(instance, *argv)
    if bad_instance():
        print(f"playground: {bad_instance()}", file=sys.stderr)
        sys.exit(2)
    if not argv or argv[0] in ("-h", "--help"):
        print(usage())
        sys.exit(0 if argv else 2)
    name, rest = argv[0], argv[1:]
    if name not in VERBS:
        sys.exit(f"playground: no verb {name!r}; the verbs are: {', '.join(VERBS)}")
    if INSTANCE and name in NEEDS_INSTANCE and not HOME.exists():
        sys.exit(f"playground: no instance {INSTANCE!r} here (never started, or forgotten): "
                 f"start it with PLAYGROUND={INSTANCE} ./scripts/up")
    v = VERBS[name]
    parser = v.parser(name)
    if v.passthrough and rest not in (["-h"], ["--help"]):
        args = argparse.Namespace(**{v.passthrough: rest})
    elif v.intermixed:
        args = parser.parse_intermixed_args(rest)
    else:
        args = parser.parse_args(rest)
    try:
        v.run(args, Topology())
    except (PlaygroundError, TopologyError) as e:
        sys.exit(f"playground: {e}")
    except KeyboardInterrupt:
        sys.exit("playground: interrupted")
