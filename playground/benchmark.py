"""scripts/bench: start-up and shut-down times and the idle cost of the running playground;
with --cold-build, the time to build every image from nothing and the images' sizes."""
from __future__ import annotations

import copy
import os
import statistics
import tempfile
import threading
import time
from contextlib import contextmanager
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from . import lifecycle
from .engine import (PROJECT, PlaygroundError, check_engine, client, compose, container,
                     docker, engine_errors, exec_, remove)
from .project import ROOT
from .topology import Topology

BASE, BROWSER = "playground-base", "playground-browser"


def timed(fn, *args) -> float:
    start = time.monotonic()
    fn(*args)
    return time.monotonic() - start


def machine_busy() -> float:
    """CPU seconds this machine (all its cores) has been busy since it booted: what a start-up
    costs the engine and the hosts together. Linux's /proc/stat, where the engine runs."""
    with open("/proc/stat") as f:
        ticks = [int(t) for t in f.readline().split()[1:]]
    return (sum(ticks[:8]) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")   # not idle, iowait


def timed_busy(fn, *args) -> tuple[float, float]:
    """Seconds that fn took, and the machine's busy CPU seconds meanwhile."""
    busy = machine_busy()
    return timed(fn, *args), machine_busy() - busy


def bare_floor(topo: Topology) -> float:
    """Start one bare container per host, from the same images, all at once: the floor."""
    images = [svc["image"] for name, svc in topo.compose["services"].items() if name in topo.hosts]
    names = [f"playground-bench-{i}" for i in range(len(images))]

    def start(pair):
        name, image = pair
        client().containers.run(image, "infinity", entrypoint="sleep", name=name, init=True,
                                network_mode="none", auto_remove=True, detach=True)
    try:
        with ThreadPoolExecutor(len(images)) as pool, engine_errors("starting bare containers"):
            return timed(lambda: list(pool.map(start, zip(names, images))))
    finally:
        remove(*names)


def compose_floor(topo: Topology) -> tuple[float, float, float]:
    """What Docker itself costs for this topology, up and down: compose starts the same
    containers on the same networks (volumes, sysctls and all) with a sleep for entrypoint,
    so no network setup, services or readiness, then removes them as `down` does. Run while
    the playground is down: the subnets are the same. Seconds up, the machine's busy CPU
    seconds meanwhile, seconds down."""
    bare = copy.deepcopy(topo.compose)
    bare["name"] = f"{bare['name']}-floor"
    for svc in bare["services"].values():
        svc.pop("build", None)
        # Docker's own init passes the stop signal on, as the images' dumb-init does.
        svc["entrypoint"], svc["init"] = ["sleep", "infinity"], True
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "compose.yaml"
        path.write_text(yaml.safe_dump(bare))
        argv = ("compose", "--project-directory", str(ROOT), "-f", str(path))
        try:
            started, busy = timed_busy(docker, *argv, "up", "-d", "--no-build")
        except PlaygroundError:
            docker(*argv, "down", "--timeout", "1", check=False)
            raise
        return started, busy, timed(docker, *argv, "down", "--timeout", "5", "--remove-orphans")


# The containers' CPU time and memory (less inactive page cache, as `docker stats` counts it),
# read from their cgroups on this machine, so that measuring costs the hosts nothing. (Docker
# Desktop keeps cgroups inside its VM: there, run the bench inside that VM.)
CGROUP = Path("/sys/fs/cgroup")


def _cgroup_usage(cid: str) -> tuple[int, int]:
    cpu_v1 = CGROUP / "cpuacct" / "docker" / cid / "cpuacct.usage"
    if cpu_v1.exists():
        mem = CGROUP / "memory" / "docker" / cid
        return int(cpu_v1.read_text()), int((mem / "memory.usage_in_bytes").read_text()) \
            - _stat(mem / "memory.stat", "total_inactive_file")
    for folder in (CGROUP / "system.slice" / f"docker-{cid}.scope", CGROUP / "docker" / cid):
        if folder.exists():
            return _stat(folder / "cpu.stat", "usage_usec") * 1000, \
                int((folder / "memory.current").read_text()) - _stat(folder / "memory.stat",
                                                                    "inactive_file")
    raise PlaygroundError("no cgroup of the containers on this machine: run the bench where "
                          "the Docker engine runs")


def _stat(path: Path, key: str) -> int:
    for line in path.read_text().splitlines():
        name, value = line.split()
        if name == key:
            return int(value)
    return 0


def container_ids(hosts: list[str]) -> list[str]:
    """The engine's ids of these hosts' containers (their cgroups and shims are named by it)."""
    with engine_errors("inspecting the hosts"):
        return [client().api.inspect_container(container(h))["Id"] for h in hosts]


def usage(topo: Topology) -> tuple[int, int]:
    pairs = [_cgroup_usage(cid) for cid in container_ids(topo.names)]
    return sum(c for c, _ in pairs), sum(m for _, m in pairs)


def idle(topo: Topology, seconds: float) -> tuple[float, float]:
    """CPU (% of one core, averaged over the window) and memory (MiB) of all hosts together."""
    before, start = usage(topo)[0], time.monotonic()
    time.sleep(seconds)   # the idle window being measured
    cpu_after, mem = usage(topo)
    return (cpu_after - before) / 1e9 / (time.monotonic() - start) * 100, mem / 2**20


def exec_times(host: str, rounds: int = 20) -> tuple[float, float]:
    """Median seconds of running `true` on host through the SDK and through the docker CLI."""
    def median(fn, *args):
        return statistics.median(timed(fn, *args) for _ in range(rounds))
    return median(exec_, host, "true"), median(docker, "exec", container(host), "true")


# Where `up` spends its time, phase by phase on its critical path: each phase ends when the
# last host (or network) is through it. The engine's events say when networks were made and
# containers started; each host's entrypoint notes when each of its start-up steps ended.
TRACE = "/run/playground-startup"   # lines "STEP UPTIME-SECONDS", by entrypoint.sh
PHASES = ("checks", "networks", "containers", "netsetup", "services", "readiness")


def breakdown(topo: Topology, began: float, ended: float, events: list) -> dict:
    """{phase: seconds} of the `up` that ran from began to ended (seconds since the epoch),
    given the engine's events meanwhile, and the hosts whose services took longest."""
    ends = _engine_ends(topo, began, events)
    with ThreadPoolExecutor(len(topo.names)) as pool:
        traces = dict(zip(topo.names, pool.map(_trace, topo.names)))
    ends["netsetup"] = max(t["netsetup"] for t in traces.values())
    ends["services"] = max(t["ready"] for t in traces.values())
    ends["readiness"] = ended
    phases, before = {}, began
    for phase in PHASES:
        phases[phase], before = ends[phase] - before, ends[phase]
    # Each host's own services, from its addresses set to ready: the slowest, and its
    # slowest step.
    own = sorted(((t["ready"] - t["netsetup"], h) for h, t in traces.items()), reverse=True)
    phases["slowest"] = ", ".join(f"{h} {s:.1f} s ({_slowest_step(traces[h])})"
                                  for s, h in own[:3])
    return phases


def _trace(host: str) -> dict[str, float]:
    """{step: when it ended, in seconds since the epoch} of the host's last start-up."""
    done = exec_(host, "sh", "-c", f"cat /proc/uptime; date +%s.%N; cat {TRACE}")
    if done.returncode != 0:
        raise PlaygroundError(f"{host}: cannot read the times of its start-up: {done.stderr}")
    uptime, now, *steps = done.stdout.splitlines()
    boot = float(now) - float(uptime.split()[0])   # the trace counts from the machine's boot
    return {step: boot + float(when) for step, when in map(str.split, steps)}


def _slowest_step(trace: dict[str, float]) -> str:
    steps = list(trace.items())
    took = max((end - start, step) for (_, start), (step, end) in zip(steps, steps[1:]))
    return f"{took[1]} {took[0]:.1f} s"


@contextmanager
def engine_events(topo: Topology):
    """The engine's network and container creations and starts from now on, as they come,
    until every host's start has come. (Read live: the engine keeps only its last 256
    events, and every exec is an event too.)"""
    stream = client().events(since=int(time.time()), decode=True,
                             filters={"type": ["network", "container"],
                                      "event": ["create", "start"]})
    seen: list = []
    reader = threading.Thread(target=lambda: seen.extend(stream), daemon=True)
    reader.start()
    try:
        yield seen
        names, deadline = {container(h) for h in topo.names}, time.monotonic() + 5
        while time.monotonic() < deadline and not names <= {
                e["Actor"]["Attributes"].get("name") for e in seen if e["Action"] == "start"}:
            time.sleep(0.05)   # poll: the stream's last events are on their way
    finally:
        stream.close()
        reader.join(timeout=5)


def _engine_ends(topo: Topology, began: float, events: list) -> dict[str, float]:
    """When up's checks ended (the first network made), the last network was made and the
    last container started, from the engine's events."""
    names = {container(h) for h in topo.names}
    made, started = [], []
    for event in events:
        when, actor = event["timeNano"] / 1e9, event["Actor"]["Attributes"]
        if when < began:
            continue
        if event["Type"] == "network" and actor.get("name", "").startswith(f"{PROJECT}_"):
            made.append(when)
        elif event["Action"] == "start" and actor.get("name") in names:
            started.append(when)
    if not made or len(started) < len(names):
        raise PlaygroundError("the engine's events do not show this up's networks and "
                              "containers: was the playground up already?")
    return {"checks": min(made), "networks": max(made), "containers": max(started)}


def cycle(topo: Topology) -> dict:
    """One round from up: down, both floors, up from down with its phases, up when up."""
    times = {"down": timed(lifecycle.down), "floor": bare_floor(topo)}
    times["floor2"], times["floor2 cpu"], times["floor2 down"] = compose_floor(topo)
    with engine_events(topo) as events:
        began, busy = time.time(), machine_busy()
        lifecycle.up(topo)
        times["up"], times["up cpu"] = time.time() - began, machine_busy() - busy
    times["hosts cpu"] = usage(topo)[0] / 1e9   # all they did since they started
    times.update(breakdown(topo, began, began + times["up"], events))
    times["again"] = timed(lifecycle.up, topo)
    return times


def main(topo: Topology, idle_seconds: float, rounds: int = 3) -> None:
    check_engine()
    lifecycle.up(topo)   # images built, certificates made (and a named instance's file)
    topo = Topology()
    runs = [cycle(topo) for _ in range(rounds)]
    m = {key: statistics.median(run[key] for run in runs) for key in runs[0]
         if key != "slowest"}
    cpu, mib = idle(topo, idle_seconds)
    sdk_exec, cli_exec = exec_times(topo.names[0])
    lifecycle.down()   # the bench's own instance: it ran beside the others, now it goes
    lines = [
        f"on {PROJECT}, a playground of its own ({len(topo.names)} hosts, "
        f"{len(topo.carriers)} networks); times are medians of {rounds} rounds",
        row("floor 1: 12 bare containers, no networks", m["floor"], "s"),
        row("floor 2: compose up, same containers and networks, sleep for entrypoint",
            m["floor2"], "s"),
        row("up, from images built and network down", m["up"], "s"),
        *(row(f"  {phase}", m[phase], "s") for phase in PHASES),
        f"  the slowest hosts' own services, last round: {runs[-1]['slowest']}",
        row("  up / floor 1", m["up"] / m["floor"], "x"),
        row("  up / floor 2", m["up"] / m["floor2"], "x"),
        row(f"  the machine's CPU during floor 2 ({os.cpu_count()} cores, all busy: "
            f"{m['floor2 cpu'] / os.cpu_count():.2f} s)", m["floor2 cpu"], "CPU s"),
        row(f"  the machine's CPU during up (all busy: {m['up cpu'] / os.cpu_count():.2f} s)",
            m["up cpu"], "CPU s"),
        row("    of it, the hosts' own start-up (their cgroups)", m["hosts cpu"], "CPU s"),
        row("up, when already up", m["again"], "s"),
        row("down", m["down"], "s"),
        row("  its floor: compose down of floor 2", m["floor2 down"], "s"),
        row(f"idle CPU, all hosts, over {idle_seconds:.0f} s", cpu, "% of one core"),
        row("memory, all hosts (one playground)", mib, "MiB"),
        row("exec of `true`, Docker SDK (median)", sdk_exec * 1000, "ms"),
        row("exec of `true`, docker CLI (median)", cli_exec * 1000, "ms")]
    print("\n" + "\n".join(lines))


def row(label: str, value: float, unit: str) -> str:
    return f"{label:72} {value:7.2f} {unit}"


def built_images(topo: Topology) -> list[tuple[str, str]]:
    """(service, image) for every image compose.yaml builds, the shared base first."""
    built = [(name, svc["image"]) for name, svc in topo.compose["services"].items()
             if "build" in svc]
    return sorted(built, key=lambda pair: pair[1] != BASE)


def image_mb(name: str) -> float:
    return client().images.get(name).attrs["Size"] / 1e6


def cold_build(topo: Topology) -> None:
    """Build every image with no cache, one after another, and print times and sizes. The
    running hosts keep their images until the next `up`, which then recreates them."""
    check_engine()
    lifecycle.fetch_wheels()
    if lifecycle.image_exists(lifecycle.DEBIAN):
        root = f"Debian root ({lifecycle.DEBIAN}, pulled before: not timed)", 0.0
    else:
        root = "Debian root (mmdebstrap)", timed(lifecycle.local_debian)
    env = {**os.environ, "PLAYGROUND_DEBIAN": lifecycle.debian_image()}
    rows = [(*root, None)]
    for service, image in built_images(topo):
        seconds = timed(lambda: compose("--profile", "build", "build", "--no-cache", service,
                                        env=env))
        rows.append((image, seconds, image_mb(image)))
    base_mb = image_mb(BASE)
    print("\ncold build, one image after another, no cache:")
    for what, seconds, mb in rows:
        print(f"  {what:48} {seconds:7.1f} s" + (f"   {mb:6.0f} MB" if mb else ""))
    for label, keep in [("without the browser image", lambda i: i != BROWSER),
                        ("with it (as built)", lambda i: True)]:
        chosen = [r for r in rows[1:] if keep(r[0])]
        seconds = rows[0][1] + sum(r[1] for r in chosen)
        unique = base_mb + sum(r[2] - base_mb for r in chosen if r[0] != BASE)
        print(f"  total {label:42} {seconds:7.1f} s   {unique:6.0f} MB on disk "
              "(the base layers counted once)")
