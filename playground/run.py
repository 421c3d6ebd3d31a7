"""Running programs inside the hosts: in the foreground with a time limit, or as servers."""
from __future__ import annotations

import itertools
import os
import shlex
import time
from contextlib import contextmanager
from dataclasses import dataclass

from .engine import HostGone, exec_

TIMED_OUT = 124   # the exit status of timeout(1)
RESTARTED = 99    # Server.stop()'s script: the host restarted under the program
# In the environment of everything a test process starts in a host, so that whatever it
# left running when it was stopped can be found and ended (see grade.clean()).
OWNER = "PLAYGROUND_OWNER"
_ids = itertools.count()


@dataclass
class Result:
    status: int
    stdout: str
    stderr: str
    timed_out: bool

    def check(self) -> "Result":
        __tracebackhide__ = True   # pytest shows the test line, not this one
        if self.status != 0:
            what = "timed out" if self.timed_out else f"exited with status {self.status}"
            raise AssertionError(f"the program {what}\n--- stdout\n{self.stdout}"
                                 f"--- stderr\n{self.stderr}")
        return self


def run(host: str, *argv: str, stdin: str | None = None, timeout: float = 20) -> Result:
    """Run argv on host; the time limit is enforced inside the container, where the process is.
    stdin reaches it through a file in the host (see exec_)."""
    cmd = ["env", f"{OWNER}={os.getpid()}", "timeout", "--kill-after=2", str(timeout), *argv]
    result = exec_(host, *cmd, input=stdin, timeout=timeout + 15)
    return Result(result.returncode, result.stdout, result.stderr,
                  result.returncode in (TIMED_OUT, 128 + 9))


def scratch(suffix: str, folder: str = "/tmp") -> str:
    """A file name in a host's folder that no other test process or capture uses. In /run
    (a tmpfs) it vanishes when the host stops or restarts, with the programs that wrote it."""
    return f"{folder}/{scratch_prefix(os.getpid())}{next(_ids)}{suffix}"


def scratch_prefix(pid: int | str) -> str:
    """How the names scratch() gives in process pid begin (what grade.clean() removes)."""
    return f"playground-{pid}-"


class Server:
    """A program running in the background on a host, in a process group of its own."""

    def __init__(self, host: str, argv: tuple[str, ...]):
        self.host = host
        self.out = scratch(".out", "/run")   # gone after a restart: see stop()
        # setsid: the program leads a process group of its own, so stop() reaches its children.
        # Unbuffered, so that output() shows what a Python server printed so far.
        script = (f"PYTHONUNBUFFERED=1 {OWNER}={os.getpid()} setsid {shlex.join(argv)} "
                  f"> {self.out} 2>&1 < /dev/null & echo $!")
        self.pid = exec_(host, "sh", "-c", script).stdout.strip()
        self.final: str | None = None

    def alive(self) -> bool:
        return exec_(self.host, "kill", "-0", self.pid).returncode == 0

    def output(self) -> str:
        """What it printed so far; after stop(), everything it printed."""
        if self.final is not None:
            return self.final
        return exec_(self.host, "cat", self.out).stdout

    def stop(self, signal: str = "TERM") -> str:
        """Stop the program and all its children (signal, then KILL); return what it printed."""
        group = f"-{self.pid}"
        # No output file: the host restarted since, and that pid may now be another program's.
        stopped = exec_(self.host, "sh", "-c", f"[ -e {self.out} ] || exit {RESTARTED}; "
                        f"kill -{signal} {group} 2>/dev/null; for i in $(seq 20); do "
                        f"kill -0 {group} 2>/dev/null || break; sleep 0.1; done; "
                        f"kill -KILL {group} 2>/dev/null; true")
        if stopped.returncode == RESTARTED:
            self.final = ""
            raise HostGone(self.host)
        self.final = self.output()
        exec_(self.host, "rm", "-f", self.out)
        return self.final


def listening(host: str, port: int, proto: str = "tcp") -> bool:
    flag = "-ltnH" if proto == "tcp" else "-lunH"
    out = exec_(host, "ss", flag, f"sport = :{port}").stdout
    return bool(out.strip())


@contextmanager
def serve(host: str, *argv: str, port: int, proto: str = "tcp", timeout: float = 10):
    """Start argv on host, wait until it listens on port, and always stop it afterwards."""
    if listening(host, port, proto):   # else the old one would answer in the new one's place
        raise AssertionError(f"something already listens on {proto} port {port} on {host} "
                             "(a server left over from another run?): stop it first")
    server = Server(host, argv)
    try:
        deadline = time.monotonic() + timeout
        while not listening(host, port, proto):
            if not server.alive():
                raise AssertionError(f"the server on {host} exited before listening on "
                                     f"{proto} port {port}; it printed:\n{server.output()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"the server on {host} was not listening on {proto} "
                                     f"port {port} after {timeout} s; it printed:\n"
                                     f"{server.output()}")
            time.sleep(0.05)   # poll interval of the readiness check
        yield server
    finally:
        server.stop()
