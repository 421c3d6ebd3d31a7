"""Bringing the playground up and down, knowing when it really works, and saying how it is."""
from __future__ import annotations

import hashlib
import ipaddress
import os
import re
import shutil
import sys
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import book, certs, netsetup
from .engine import (PROJECT, PlaygroundError, check_engine, compose, container, containers,
                     exec_, follow, image_exists, image_ids, import_image, logs_tail, networks,
                     pull, started, take_down)
from .project import HOME, INSTANCE, INSTANCES, ROOT, RUN_FILE
from .topology import Topology

WHEELS_LIST = ROOT / "images" / "base" / "wheels.txt"
WHEELS = ROOT / "images" / "base" / "wheels"
NAME = f"playground {INSTANCE}" if INSTANCE else "playground"   # in what up and down say
READY_MARK = "/run/playground-ready"   # written by each host's entrypoint when it is ready
DEBIAN = "debian:bookworm-slim"
LOCAL_DEBIAN = "playground-debian:bookworm"   # made with mmdebstrap where no registry answers
# Once every host says it is ready: a name looked up through the lab DNS and a web page
# fetched over TLS from home A, across both NAT and all four routers.
END_TO_END = ("h1", "curl", "-sf", "-o", "/dev/null", "--max-time", "5",
              "https://www.example.com/get")


def up(topo: Topology, rebuild: bool = False, new_ca: bool = False,
       timeout: float = 120, take_over: bool = False) -> None:
    with ThreadPoolExecutor(1) as pool:
        engine = pool.submit(check_engine)   # a subprocess: meanwhile, the rest
        if INSTANCE:   # its compose file, made again from compose.yaml
            from . import instances
            topo = instances.prepare()
        unchanged = not (rebuild or new_ca or take_over) and still_up(topo)
        engine.result()
    if unchanged:
        print(f"{NAME}: already up")
        return
    state = containers()
    check_conflicts(topo, state, take_over)
    # Hosts copy the CA and keys at start-up: new ones need new hosts.
    recreate = certs.ensure(topo, fresh=new_ca) or rebuild
    netsetup.write_scripts(topo, certs.CERTS / "netsetup")
    ensure_images(topo, rebuild)
    before = _ids(topo, state)
    if len(before) < len(topo.names):
        print(f"{NAME}: starting {len(topo.names)} hosts ...", flush=True)
    # Idempotent: compose recreates only the hosts whose configuration changed.
    try:
        compose("up", "-d", "--no-build", "--remove-orphans",
                *(["--force-recreate"] if recreate else []))
        share_host_keys(topo, wait_said_ready(topo, timeout))
        probe_end_to_end()
    except (PlaygroundError, KeyboardInterrupt):
        compose("down", "--timeout", "2", check=False)
        raise
    after = containers()
    UP_STAMP.parent.mkdir(exist_ok=True)
    UP_STAMP.write_text(fingerprint(topo, after))
    print(f"{NAME}: already up" if _ids(topo, after) == before else f"{NAME}: ready")


# What the last `up` left running: `up` again with the same (same containers running, made
# from the same compose file, .env and images, certificates all there) only checks that they
# are ready and the network works end to end, in a fraction of a second.
UP_STAMP = INSTANCES / f"{PROJECT}.up"


def still_up(topo: Topology) -> bool:
    try:
        stamp = UP_STAMP.read_text()
    except OSError:
        return False
    if stamp != fingerprint(topo, containers()) or certs.missing(topo) or pending(topo.names):
        return False
    return exec_(*END_TO_END, timeout=30).returncode == 0


def fingerprint(topo: Topology, state: dict) -> str:
    """A digest of the hosts' containers (id and state), the images, the compose file and
    the book's checkout they were made with."""
    parts = [RUN_FILE.read_text(), str(book.remembered())]
    parts += [f"{h} {state.get(container(h), {}).get('id')} "
              f"{state.get(container(h), {}).get('state')}" for h in topo.names]
    parts += [f"{name} {id_}" for name, id_ in sorted(image_ids(*topo.images()).items())]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def share_host_keys(topo: Topology, keys: dict) -> None:
    """Every host's SSH host key into the known_hosts every host reads (its
    /etc/ssh/ssh_known_hosts links to this file in the mounted certs/shared), so ssh and
    paramiko between lab hosts check host keys strictly, with no prompt. A recreated host
    makes a new key: every up writes the file again, whole, in one rename."""
    path = certs.CERTS / "shared" / "ssh" / "known_hosts"
    new = path.with_suffix(".new")
    new.write_text(known_hosts(topo, keys))
    new.chmod(0o644)
    new.replace(path)


def known_hosts(topo: Topology, keys: dict) -> str:
    """known_hosts lines: each host's key under its names and lab addresses. An address two
    hosts share (the modems' 192.168.1.1) gets both keys: each home reaches its own modem."""
    lines = []
    for host in topo.hosts.values():
        names = {host.name, host.name.lower(), host.fqdn, *(str(i.ip) for i in host.interfaces)}
        names |= {n for n, a in topo.zone.names.items() if a in {i.ip for i in host.interfaces}}
        names |= set(topo.aliases(host))   # smtp.example.com, mx2.example.com, ...
        lines.append(f"{','.join(sorted(names))} {' '.join(keys[host.name])}")
    return "\n".join(lines) + "\n"


def _ids(topo: Topology, state: dict) -> set[str]:
    """The ids of the hosts' containers that exist."""
    return {state[container(h)]["id"] for h in topo.names if container(h) in state}


def down(forget: bool = False) -> None:
    problem = other_checkout(containers(), ROOT)   # not ours to stop
    if problem:
        raise PlaygroundError(problem)
    UP_STAMP.unlink(missing_ok=True)
    take_down(PROJECT)
    if forget and INSTANCE:   # its certificates and subnets go too
        shutil.rmtree(HOME, ignore_errors=True)
    print(f"{NAME}: down")


def running(topo: Topology, state: dict | None = None) -> list[str]:
    state = containers() if state is None else state
    return [h for h in topo.names if state.get(container(h), {}).get("state") == "running"
            and state[container(h)]["project"] == PROJECT]


def not_ready(topo: Topology) -> list[str]:
    """The hosts that are not running, or running but not yet ready."""
    up_hosts = running(topo)
    return sorted(set(topo.names) - set(up_hosts)) + pending(up_hosts)


def pending(hosts: list[str]) -> list[str]:
    """The hosts among these that have not yet marked themselves ready."""
    with ThreadPoolExecutor(max_workers=len(hosts) or 1) as pool:
        done = list(pool.map(_marked_ready, hosts))
        return [h for h, ok in zip(hosts, done) if not ok]


def _marked_ready(host: str) -> bool:
    try:
        return exec_(host, "test", "-e", READY_MARK).returncode == 0
    except PlaygroundError:   # not running (yet, or any more): not ready
        return False


def wait_ready(topo: Topology, timeout: float) -> None:
    """Every host ready, and the network working end to end."""
    wait_said_ready(topo, timeout)
    probe_end_to_end()


# What each host's entrypoint prints once it is ready, with its SSH host key (as a cloud
# machine prints its host keys on its console, for whoever must trust it).
READY_LINE = re.compile(r"^playground: (\S+) ready; SSH host key (\S+ \S+)$", re.M)


def wait_said_ready(topo: Topology, timeout: float) -> dict[str, list[str]]:
    """Wait until every host has said it is ready (in its log, since its container last
    started: the engine tells as it comes, no polling); {host: its SSH host key}."""
    deadline = time.monotonic() + timeout
    with ThreadPoolExecutor(max_workers=len(topo.names)) as pool:
        said = dict(zip(topo.names, pool.map(lambda h: said_ready(h, deadline), topo.names)))
    late = [h for h, key in said.items() if key is None]
    if late:
        raise PlaygroundError(f"not ready after {timeout:.0f} s: {', '.join(late)}; "
                              f"the log of {late[0]} ends:\n{logs_tail(late[0])}")
    return said


def said_ready(host: str, deadline: float) -> list[str] | None:
    """The host's SSH host key (type and key) once it says it is ready; None if it has not
    by the deadline (time.monotonic()). A host that stops meanwhile is named, with its log;
    one that restarts is followed into its new start."""
    while time.monotonic() < deadline:
        state, since = started(host)
        if state == "running":
            for line in follow(host, since, deadline - time.monotonic()):
                said = READY_LINE.search(line)
                if said and said[1] == host:
                    return said[2].split()
        elif state not in ("created", "restarting"):
            raise PlaygroundError(f"{host} stopped while starting; its log ends:\n"
                                  f"{logs_tail(host)}")
        time.sleep(0.1)   # it stopped, or is between two starts: look again
    return None


def probe_end_to_end() -> None:
    probe = exec_(*END_TO_END, timeout=30)
    if probe.returncode != 0:
        raise PlaygroundError(f"hosts are up but `{' '.join(END_TO_END[1:])}` on "
                              f"{END_TO_END[0]} failed (exit {probe.returncode})")


def check_conflicts(topo: Topology, state: dict, take_over: bool = False) -> None:
    """Refuse to start over another checkout's playground (unless told to take it over), or
    over containers or subnets that belong to something else."""
    problem = (None if take_over else other_checkout(state, ROOT)) or \
        conflict(topo, state, networks())
    if problem:
        raise PlaygroundError(problem)


def other_checkout(state: dict, root: Path) -> str | None:
    """What to do when a playground runs here that compose started from another folder than
    root: `up` here would quietly take its hosts over."""
    for info in state.values():
        folder = info.get("folder")
        if info["project"] == PROJECT and info["state"] == "running" and folder \
                and Path(folder).resolve() != root.resolve():
            return (f"the playground running here belongs to the checkout in {folder}: run "
                    "./scripts/down there first, or work in that checkout")
    return None


def conflict(topo: Topology, state: dict, networks: list) -> str | None:
    """What stands in the way, given the engine's containers and (name, project, subnets)."""
    for name in map(container, topo.names):
        if name in state and state[name]["project"] != PROJECT:
            return (f"a container named {name} exists and is not the playground's: "
                    f"remove or rename it (docker rm -f {name})")
    for name, project, subnets in networks:
        if project == PROJECT:
            continue
        for subnet in subnets.split():
            net = ipaddress.ip_network(subnet, strict=False)
            for carrier, ours in topo.carriers.items():
                if net.version == ours.version and net.overlaps(ours):
                    return (f"Docker network {name} uses {net}, which overlaps the "
                            f"playground's {ours} ({carrier}): remove that network or "
                            "change compose.yaml")
    return None


def ensure_images(topo: Topology, rebuild: bool) -> None:
    if not rebuild and image_exists(*topo.images()):
        return
    print("playground: building images (the first time takes a few minutes) ...", flush=True)
    fetch_wheels()
    env = {**os.environ, "PLAYGROUND_DEBIAN": debian_image()}
    compose("--profile", "build", "build", "base", stream=True, env=env)
    compose("build", stream=True, env=env)


def fetch_wheels() -> None:
    """The wheels images/base/wheels.txt names, downloaded here for the base image (whose
    build cannot reach PyPI); a no-op once they are there."""
    wanted = [line.split("#")[0].strip() for line in WHEELS_LIST.read_text().splitlines()]
    wanted = [w for w in wanted if w]
    have = {p.name.split("-")[0].lower() + "==" + p.name.split("-")[1]
            for p in WHEELS.glob("*.whl")}
    missing = [w for w in wanted if w.lower() not in have]
    if not missing:
        return
    done = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                           "--only-binary", ":all:", "-d", str(WHEELS), *missing],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise PlaygroundError(f"cannot download {', '.join(missing)} from PyPI: put the "
                              f"wheels in {WHEELS} and try again")


def debian_image() -> str:
    """The Debian image the base image starts from: Docker Hub's, or one made locally."""
    if image_exists(DEBIAN) or pull(DEBIAN):
        return DEBIAN
    if image_exists(LOCAL_DEBIAN):
        return LOCAL_DEBIAN
    if shutil.which("mmdebstrap") is None or os.geteuid() != 0:
        raise PlaygroundError(f"cannot pull {DEBIAN} (no registry?): load it with `docker load`,"
                              " or, on Debian/Ubuntu as root, install mmdebstrap so that "
                              "./scripts/up can build it offline")
    print(f"playground: no registry; building {LOCAL_DEBIAN} with mmdebstrap ...", flush=True)
    return local_debian()


def local_debian() -> str:
    """Debian bookworm's minimal root, made with mmdebstrap and imported as LOCAL_DEBIAN."""
    with tempfile.TemporaryDirectory() as tmp:
        tar = os.path.join(tmp, "rootfs.tar")
        made = subprocess.run(["mmdebstrap", "--quiet", "--variant=minbase", "bookworm", tar,
                               "http://deb.debian.org/debian"])
        if made.returncode != 0:
            raise PlaygroundError("mmdebstrap failed (see above): check the Debian mirror")
        import_image(tar, LOCAL_DEBIAN)
    return LOCAL_DEBIAN


def states(topo: Topology, ready: set[str] | None = None) -> dict[str, str]:
    """Each host's state: ready, starting (running, not yet marked ready), or the engine's
    word for it (exited, absent...). A host already in `ready` is not asked for its mark
    again, so a poller that keeps the set makes one call to the engine once all are ready;
    the set is kept up to date (a host that stops leaves it)."""
    ready = set() if ready is None else ready
    state = containers()
    up_hosts = running(topo, state)
    ready &= set(up_hosts)
    ready |= set(up_hosts) - set(pending([h for h in up_hosts if h not in ready]))
    return {h: "ready" if h in ready else "starting" if h in up_hosts
            else state.get(container(h), {}).get("state", "absent") for h in topo.names}


def status(topo: Topology) -> list[dict]:
    """One row per host: name, role, lab addresses and state."""
    now = states(topo)
    rows = []
    for host in topo.hosts.values():
        addrs = ", ".join(f"{i.name} {i.address.with_prefixlen if not i.peer else i.ip}"
                          for i in host.interfaces)
        rows.append({"host": host.name, "role": host.role, "addresses": addrs,
                     "state": now[host.name]})
    return rows


def format_table(rows: list[dict]) -> str:
    cols = ["host", "role", "addresses", "state"]
    widths = {c: max(len(c), *(len(r[c]) for r in rows)) for c in cols}
    lines = ["  ".join(c.upper().ljust(widths[c]) for c in cols)]
    lines += ["  ".join(r[c].ljust(widths[c]) for c in cols) for r in rows]
    return "\n".join(line.rstrip() for line in lines)
