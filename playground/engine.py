"""Talking to the Docker engine.

The Docker SDK for Python does the engine's work: exec (real exit status, stdout and stderr
apart), inspect, container state and labels, files copied in and out. It finds the engine as
the docker CLI does (DOCKER_HOST, else the current context, else the default socket), so
Docker Desktop works without settings.

The docker CLI stays where the SDK cannot serve:
- `docker compose` (up, down, ps, and the image builds): Compose is a CLI plugin, with no
  Python API;
- `docker exec -it` behind `playground shell` and live `playground capture`: the user's
  terminal must be attached to the program.
"""
from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import posixpath
import shutil
import struct
import subprocess
import tarfile
import time
import uuid
from collections.abc import Iterator
from concurrent import futures
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from .project import INSTANCE, ROOT, RUN_FILE

PROJECT = f"playground-{INSTANCE}" if INSTANCE else "playground"   # compose's project name
PROJECT_LABEL = "com.docker.compose.project"
FOLDER_LABEL = "com.docker.compose.project.working_dir"   # where `compose up` ran
NOT_RUNNING = ("the Docker engine is not running (or not reachable{where}): start it "
               "(Docker Desktop, or `sudo systemctl start docker`) and try again")


# Docker 20.10 (moby/moby#43286, seen here too): a network whose containers are all gone,
# which the engine still counts one of until it restarts, whoever removes it (compose or us).
STUCK_NETWORK = ("the hosts are removed, but the Docker engine will not remove a network it "
                 "still counts a removed host on (an engine bug): restart the engine (Docker "
                 "Desktop: Restart; Linux: sudo systemctl restart docker), then run down again")


class PlaygroundError(Exception):
    """A problem the user can fix; its message is one line that says how."""


STOPPED = "stopped or restarted during the test"
# How an exec ends when its host stops under it: killed, or refused ("cannot exec in a stopped
# state"); None when the engine lost it.
KILLED = (None, 126, 128 + 9, 128 + 15)


class HostGone(PlaygroundError):
    """A host stopped or restarted while a test was using it."""

    def __init__(self, host: str, what: str = STOPPED):
        super().__init__(f"{host} {what}: wait until ./scripts/status says it is ready "
                         "(./scripts/up starts a stopped host), then run the test again")
        self.host = host


# --- the docker CLI: compose, and what needs the user's terminal ---------------------------

def docker(*args: str, check: bool = True, timeout: float | None = None,
           input: str | None = None) -> subprocess.CompletedProcess:
    """Run the docker CLI, its output captured."""
    return _cli(["docker", *args], f"docker {' '.join(args[:2])}", check,
                timeout=timeout, input=input, capture_output=True, text=True)


def compose(*args: str, check: bool = True, stream: bool = False,
            env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `docker compose` on the playground; with stream, its progress goes to the terminal."""
    argv = ["docker", "compose", "--project-directory", str(ROOT), "-f", str(RUN_FILE), *args]
    captured = {} if stream else {"capture_output": True, "text": True}
    return _cli(argv, f"docker compose {args[0]}", check, env=env, **captured)


def _cli(argv: list[str], what: str, check: bool, **options) -> subprocess.CompletedProcess:
    try:
        result = subprocess.run(argv, **options)
    except FileNotFoundError:
        raise PlaygroundError("docker is not installed: install Docker Engine 20.10+ "
                              "or Docker Desktop, then try again") from None
    if check and result.returncode != 0:
        why = _last_line(result.stderr) if result.stderr is not None else "see above"
        raise PlaygroundError(f"{what} failed: {why}")
    return result


# --- which engine, and the one SDK client ---------------------------------------------------

def engine_url(environ=os.environ) -> str | None:
    """The engine the docker CLI would use: DOCKER_HOST, else the endpoint of the context named
    by DOCKER_CONTEXT or by config.json's currentContext; None means the default socket."""
    if environ.get("DOCKER_HOST"):
        return environ["DOCKER_HOST"]
    home = Path(environ.get("HOME") or Path.home())
    config = Path(environ.get("DOCKER_CONFIG") or home / ".docker")
    name = environ.get("DOCKER_CONTEXT") or _current_context(config)
    if name in (None, "default"):
        return None
    meta = config / "contexts" / "meta" / hashlib.sha256(name.encode()).hexdigest() / "meta.json"
    try:
        return json.loads(meta.read_text())["Endpoints"]["docker"]["Host"]
    except (OSError, ValueError, KeyError, TypeError):
        raise PlaygroundError(f"the docker context {name!r} has no engine endpoint ({meta}): "
                              "choose another with `docker context use NAME`") from None


def _current_context(config: Path) -> str | None:
    try:
        return json.loads((config / "config.json").read_text()).get("currentContext")
    except (OSError, ValueError, AttributeError):
        return None   # no config (or none the CLI could read either): the default engine


def _sdk():
    try:
        import docker as sdk
    except ImportError:
        raise PlaygroundError("the Docker SDK for Python is not installed: use the project's "
                              "environment (./scripts/_run makes it) or `pip install -r "
                              "requirements.txt`") from None
    return sdk


@functools.lru_cache(maxsize=None)
def client():
    """The SDK client, made on first use (it asks the engine its API version) and kept."""
    sdk, url = _sdk(), engine_url()
    env = {**os.environ, "DOCKER_HOST": url} if url else dict(os.environ)
    try:
        # Room for a connection per host and network: readiness checks ask all twelve hosts
        # at once, and `down` removes hosts and networks at once.
        return sdk.from_env(environment=env, max_pool_size=24)
    except sdk.errors.DockerException:
        raise PlaygroundError(NOT_RUNNING.format(where=f" at {url}" if url else "")) from None


@contextmanager
def engine_errors(what: str):
    """The engine's refusals and failures as one line that says what to do."""
    sdk = _sdk()
    import requests
    try:
        yield
    except sdk.errors.APIError as e:
        hint = ": is the playground up? (./scripts/up)" if e.status_code in (404, 409) else ""
        raise PlaygroundError(f"{what}: {_last_line(str(e.explanation or e))}{hint}") from None
    except (sdk.errors.DockerException, requests.exceptions.RequestException):
        raise PlaygroundError(NOT_RUNNING.format(where="")) from None


def check_engine() -> None:
    """Fail with one line unless the docker CLI with Compose v2 and a running engine are here."""
    version = docker("compose", "version", "--short", check=False)
    if version.returncode != 0 or not version.stdout.strip().lstrip("v").startswith("2"):
        hint = " (found only the old docker-compose v1)" if shutil.which("docker-compose") else ""
        raise PlaygroundError("Docker Compose v2 is missing" + hint +
                              ": install the docker-compose-plugin, then try again")
    client()


# --- containers, images and networks --------------------------------------------------------

def container(host: str) -> str:
    """The container of a host (h1) in this process's playground: a named instance's is
    NAME-h1. Every call naming a container goes through here."""
    return f"{INSTANCE}-{host}" if INSTANCE else host


def image_ids(*names: str) -> dict[str, str | None]:
    """Each of these images' id on the engine (by name, NAME or NAME:TAG), None where absent:
    one listing of the engine's images for all of them."""
    with engine_errors("looking up images"):
        ids = {tag: image["Id"] for image in client().api.images()
               for tag in image.get("RepoTags") or []}
    return {name: ids.get(name if ":" in name else f"{name}:latest") for name in names}


def image_exists(*names: str) -> bool:
    """True if every one of these images is on the engine."""
    return all(image_ids(*names).values())


def pull(image: str) -> bool:
    """Pull image from its registry; False when that fails (no registry reachable, say)."""
    sdk = _sdk()
    with engine_errors(f"pulling {image}"):
        try:
            client().api.pull(image)
        except sdk.errors.APIError:
            return False
    return image_exists(image)   # some failures only show in the progress stream


def import_image(tar: str, name: str) -> None:
    """Make image name (repository:tag) from a root file system in a tar file."""
    repository, tag = name.split(":")
    with engine_errors(f"importing {tar} as {name}"):
        client().api.import_image_from_file(tar, repository=repository, tag=tag)


def remove(*names: str) -> None:
    """Remove these containers, running or not; those already gone (or going) are fine."""
    sdk = _sdk()
    for name in names:
        with engine_errors(f"removing {name}"):
            try:
                client().api.remove_container(name, force=True)
            except sdk.errors.APIError as e:
                if e.status_code not in (404, 409):   # 409: already being removed
                    raise


def take_down(project: str) -> None:
    """Remove a compose project's containers, all at once, and each of its networks as soon
    as the containers on it are gone. The hosts keep nothing worth a clean stop (labs/ and
    certs/ are the host's folders), so they are killed: 2.4 to 2.8 s here, where `compose down`
    of bare containers, which stops them first and removes the networks only after the last
    one, takes 3 (./scripts/bench)."""
    api = client().api
    labelled = {"label": f"{PROJECT_LABEL}={project}"}
    with engine_errors("listing the playground's hosts"):
        hosts = api.containers(all=True, filters=labelled)
        nets = [n["Id"] for n in api.networks(filters=labelled)]
    with futures.ThreadPoolExecutor(len(hosts) + len(nets) or 1) as pool:
        gone = {h["Id"]: pool.submit(remove, h["Names"][0].lstrip("/")) for h in hosts}
        removals = [pool.submit(_remove_network, n, [gone[h["Id"]] for h in hosts
                                                     if n in _network_ids(h)]) for n in nets]
        for done in [*gone.values(), *removals]:
            done.result()


def _network_ids(listed: dict) -> set[str]:
    return {e.get("NetworkID") for e in listed["NetworkSettings"]["Networks"].values()}


def _remove_network(id_: str, hosts: list[futures.Future]) -> None:
    futures.wait(hosts)   # the engine refuses while a host is still on it
    with engine_errors("removing a network"):
        try:
            client().api.remove_network(id_)
        except _sdk().errors.NotFound:
            pass


def containers() -> dict[str, dict]:
    """Every container on the engine by name: its compose project, the folder compose ran in,
    its state and id."""
    with engine_errors("listing containers"):
        found = client().api.containers(all=True)
    state = {}
    for c in found:
        labels = c.get("Labels") or {}
        state[c["Names"][0].lstrip("/")] = {"project": labels.get(PROJECT_LABEL, ""),
                                            "folder": labels.get(FOLDER_LABEL, ""),
                                            "state": c["State"], "id": c["Id"]}
    return state


def networks() -> list[tuple[str, str, str]]:
    """Every network on the engine: (name, compose project, its subnets separated by spaces)."""
    with engine_errors("listing networks"):
        found = client().api.networks()
    return [(n["Name"], (n.get("Labels") or {}).get(PROJECT_LABEL, ""),
             " ".join(c["Subnet"] for c in (n.get("IPAM") or {}).get("Config") or []
                      if "Subnet" in c))
            for n in found]


def logs_tail(host: str, lines: int = 15) -> str:
    """The last lines the host's container printed, or why there are none."""
    sdk = _sdk()
    try:
        return client().api.logs(container(host), tail=lines).decode(errors="replace").strip()
    except sdk.errors.APIError as e:
        return str(e.explanation)


def started(host: str) -> tuple[str, float]:
    """The host's container's state (running, restarting, exited...) and since when its log
    is its current run's (seconds since the epoch): since its previous run ended, or from the
    beginning. (Not since StartedAt: on a busy engine a host can print lines before the engine
    records that it started.)"""
    with engine_errors(f"inspecting {host}"):
        state = client().api.inspect_container(container(host))["State"]
    return state["Status"], max(timestamp(state["FinishedAt"]), 0)


def follow(host: str, since: float, timeout: float) -> Iterator[str]:
    """The lines the host's container prints from `since` (seconds since the epoch) on, as
    they come, until it stops or stays silent for `timeout` seconds."""
    import urllib3
    api = client().api
    with engine_errors(f"reading {host}'s log"):
        response = api.get(f"{api.base_url}/v{api.api_version}/containers/{container(host)}/logs",
                           params={"follow": 1, "stdout": 1, "stderr": 1, "since": f"{since:.6f}"},
                           stream=True, timeout=max(timeout, 0.01))
        api._raise_for_status(response)
    try:   # frames of the multiplexed stream (see _demux), one line each
        while len(header := response.raw.read(8)) == 8:
            yield response.raw.read(struct.unpack(">BxxxL", header)[1]).decode(errors="replace")
    except urllib3.exceptions.ReadTimeoutError:
        return
    finally:
        response.close()


# --- running commands and moving files ------------------------------------------------------

def exec_(host: str, *cmd: str, timeout: float | None = None,
          input: str | None = None) -> subprocess.CompletedProcess:
    """Run cmd on host and wait for it, like `docker exec`: exit status, stdout and stderr.

    `input` becomes its stdin through a file put in the host first (no attached stream).
    `timeout` bounds a silence: no output for that long is a PlaygroundError."""
    argv = list(cmd)
    if input is not None:
        path = f"/tmp/playground-stdin-{uuid.uuid4().hex}"
        put_file(host, path, input.encode())
        # The file is opened as stdin and removed before the command even starts.
        argv = ["sh", "-c", 'exec <"$1" && rm -f "$1" && shift && exec "$@"', "sh", path, *argv]
    api = client().api
    began = time.time()
    with engine_errors(f"exec on {host}"):
        exec_id = _exec_create(api, host, argv)
        out, err = _demux(_exec_stream(api, exec_id, f"{cmd[0]} on {host}", timeout))
        status = api.exec_inspect(exec_id)["ExitCode"]
    if status in KILLED:   # by whom? the host may be going away
        gone = went_away(host, began)
        if gone:
            raise HostGone(host, gone)
    return subprocess.CompletedProcess([host, *cmd], status, out.decode(errors="replace"),
                                       err.decode(errors="replace"))


def _exec_create(api, host: str, argv: list[str]) -> str:
    try:
        return api.exec_create(container(host), argv)["Id"]
    except _sdk().errors.APIError as e:
        if e.status_code == 409:   # stopped, restarting or paused
            raise HostGone(host) from None
        raise


def went_away(host: str, since: float, settle: float = 2) -> str | None:
    """How host went away since that time (seconds since the epoch), or None if it did not.
    A host that stops kills its programs a moment before the engine says so: this watches
    for `settle` seconds. (Right after a restart's stop, no one can tell it will start again.)"""
    sdk = _sdk()
    deadline = time.monotonic() + settle
    while True:
        with engine_errors(f"inspecting {host}"):
            try:
                state = client().api.inspect_container(container(host))["State"]
            except sdk.errors.NotFound:
                return "was removed during the test"
        if not state["Running"] or state["Restarting"] or timestamp(state["StartedAt"]) > since:
            return STOPPED
        if time.monotonic() > deadline:
            return None
        time.sleep(0.1)   # poll interval


def timestamp(text: str) -> float:
    """The engine's RFC 3339 time (UTC, up to nanoseconds) in seconds since the epoch."""
    whole, _, fraction = text.rstrip("Z").partition(".")
    start = datetime.strptime(whole, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc)
    return start.timestamp() + float(f"0.{fraction or 0}")


def _exec_stream(api, exec_id: str, what: str, timeout: float | None) -> bytes:
    """Start the exec and read its output stream to the end.

    Without an Upgrade header the engine answers 200 and streams until the command is done,
    so every byte passes through the HTTP client's buffers. (The SDK's exec_run reads the
    socket beneath them and can lose output already buffered: docker/docker-py#3332.)"""
    import urllib3
    response = api.post(f"{api.base_url}/v{api.api_version}/exec/{exec_id}/start",
                        json={"Detach": False, "Tty": False}, stream=True, timeout=timeout)
    try:
        if response.status_code != 200:
            raise PlaygroundError(f"{what} did not start: {_last_line(response.text)}")
        return response.raw.read()
    except urllib3.exceptions.ReadTimeoutError:
        raise PlaygroundError(f"{what} gave no output for {timeout} s: is it stuck?") from None
    finally:
        response.close()


def _demux(stream: bytes) -> tuple[bytes, bytes]:
    """Split the engine's multiplexed stream (frames: stream number, size, data) in two."""
    parts = {1: bytearray(), 2: bytearray()}
    at = 0
    while at + 8 <= len(stream):
        kind, size = struct.unpack(">BxxxL", stream[at:at + 8])
        parts[kind].extend(stream[at + 8:at + 8 + size])
        at += 8 + size
    return bytes(parts[1]), bytes(parts[2])


def put_file(host: str, path: str, data: bytes) -> None:
    """Write data to path (an absolute path in an existing folder) on host, readable by all
    (commands may run as another user than root)."""
    folder, name = posixpath.split(path)
    put_files(host, folder, {name: data})


def put_files(host: str, folder: str, files: dict[str, bytes]) -> None:
    """Write each {relative path: data} under folder (which must exist) on host in one go,
    making the folders between, readable by all."""
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(data), 0o644, int(time.time())
            tar.addfile(info, io.BytesIO(data))
    with engine_errors(f"copying {', '.join(files)} to {host}:{folder}"):
        client().api.put_archive(container(host), folder, archive.getvalue())


def get_file(host: str, path: str) -> bytes:
    """The contents of the file at path on host."""
    with engine_errors(f"copying {path} from {host}"):
        chunks, _ = client().api.get_archive(container(host), path)
        archive = b"".join(chunks)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        member = tar.next()
        return tar.extractfile(member).read()


def _last_line(text: str) -> str:
    """The line of the engine's message that says what went wrong, or, for a failure the
    engine is known for, what to do about it."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    if lines and "has active endpoints" in lines[-1]:
        return STUCK_NETWORK
    return lines[-1] if lines else "no message"
