"""scripts/bench: start-up and shut-down times and the idle cost of the running playground;
with --cold-build, the time to build every image from nothing and the images' sizes."""
from __future__ import annotations

import os
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import lifecycle
from .engine import (PlaygroundError, check_engine, client, compose, docker, engine_errors,
                     exec_, remove)
from .topology import Topology

BASE, BROWSER = "playground-base", "playground-browser"


def timed(fn, *args) -> float:
    start = time.monotonic()
    fn(*args)
    return time.monotonic() - start


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


def usage(topo: Topology) -> tuple[int, int]:
    with engine_errors("inspecting the hosts"):
        ids = [client().api.inspect_container(name)["Id"] for name in topo.names]
    pairs = [_cgroup_usage(cid) for cid in ids]
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
    return median(exec_, host, "true"), median(docker, "exec", host, "true")


def main(topo: Topology, idle_seconds: float) -> None:
    check_engine()
    lifecycle.up(topo)   # images built, certificates made
    t_down = timed(lifecycle.down)
    floor = bare_floor(topo)
    t_up = timed(lifecycle.up, topo)
    t_again = timed(lifecycle.up, topo)
    cpu, mib = idle(topo, idle_seconds)
    sdk_exec, cli_exec = exec_times(topo.names[0])
    print(f"""
floor: 12 bare containers started in parallel  {floor:6.2f} s
up, from images built and network down          {t_up:6.2f} s   ({t_up / floor:.1f}x the floor)
up, when already up                             {t_again:6.2f} s
down                                            {t_down:6.2f} s
idle CPU, all hosts, over {idle_seconds:.0f} s                {cpu:6.2f} % of one core
memory, all hosts                               {mib:6.1f} MiB
exec of `true`, Docker SDK (median)             {sdk_exec * 1000:6.1f} ms
exec of `true`, docker CLI (median)             {cli_exec * 1000:6.1f} ms""")


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
