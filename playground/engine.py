"""Talking to Docker: the CLI, so that contexts and Docker Desktop behave as in a terminal."""
from __future__ import annotations

import shutil
import subprocess

from .project import COMPOSE_FILE, ROOT

PROJECT = "playground"


class PlaygroundError(Exception):
    """A problem the user can fix; its message is one line that says how."""


def docker(*args: str, check: bool = True, timeout: float | None = None,
           input: str | None = None) -> subprocess.CompletedProcess:
    try:
        result = subprocess.run(["docker", *args], capture_output=True, text=True,
                                timeout=timeout, input=input)
    except FileNotFoundError:
        raise PlaygroundError("docker is not installed: install Docker Engine 20.10+ "
                              "or Docker Desktop, then try again") from None
    if check and result.returncode != 0:
        raise PlaygroundError(f"docker {' '.join(args[:2])} failed: {_last_line(result.stderr)}")
    return result


def compose(*args: str, check: bool = True, stream: bool = False,
            env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `docker compose` on the playground; with stream, its progress goes to the terminal."""
    cmd = ["docker", "compose", "--project-directory", str(ROOT), "-f", str(COMPOSE_FILE), *args]
    if stream:
        result = subprocess.run(cmd, env=env)
        if check and result.returncode != 0:
            raise PlaygroundError(f"docker compose {args[0]} failed (see above)")
        return result
    result = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if check and result.returncode != 0:
        raise PlaygroundError(f"docker compose {args[0]} failed: {_last_line(result.stderr)}")
    return result


def check_engine() -> None:
    """Fail with one line unless the Docker CLI, a running engine and Compose v2 are here."""
    info = docker("info", "--format", "{{.ServerVersion}}", check=False, timeout=30)
    if info.returncode != 0 or not info.stdout.strip():
        raise PlaygroundError("the Docker engine is not running (or not reachable): start it "
                              "(Docker Desktop, or `sudo systemctl start docker`) and try again")
    version = docker("compose", "version", "--short", check=False)
    if version.returncode != 0 or not version.stdout.strip().lstrip("v").startswith("2"):
        hint = " (found only the old docker-compose v1)" if shutil.which("docker-compose") else ""
        raise PlaygroundError("Docker Compose v2 is missing" + hint +
                              ": install the docker-compose-plugin, then try again")


def image_exists(*names: str) -> bool:
    """True if every one of these images is on the engine."""
    return docker("image", "inspect", "--format", "{{.Id}}", *names, check=False).returncode == 0


def containers() -> dict[str, dict]:
    """Every container on the engine by name, with its compose project and state."""
    out = docker("ps", "-a", "--format",
                 '{{.Names}}\t{{.Label "com.docker.compose.project"}}\t{{.State}}').stdout
    found = {}
    for line in out.splitlines():
        name, project, state = line.split("\t")
        found[name] = {"project": project, "state": state}
    return found


def exec_(host: str, *cmd: str, timeout: float | None = None,
          input: str | None = None) -> subprocess.CompletedProcess:
    interactive = ["-i"] if input is not None else []
    return docker("exec", *interactive, host, *cmd, check=False, timeout=timeout, input=input)


def logs_tail(host: str, lines: int = 15) -> str:
    result = docker("logs", "--tail", str(lines), host, check=False)
    return (result.stdout + result.stderr).strip()


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no message"
