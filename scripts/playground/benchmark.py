"""scripts/bench: start-up and shut-down times and the idle cost of the running playground."""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from . import lifecycle
from .engine import check_engine, docker
from .topology import Topology


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
        docker("run", "-d", "--rm", "--init", "--network", "none", "--name", name,
               "--entrypoint", "sleep", image, "infinity")
    try:
        with ThreadPoolExecutor(len(images)) as pool:
            return timed(lambda: list(pool.map(start, zip(names, images))))
    finally:
        docker("rm", "-f", *names, check=False)


# CPU nanoseconds and memory bytes (less inactive page cache, as `docker stats` counts it) of
# the container, from its own cgroup, v1 or v2. (`docker stats` itself shows 0 for hosts whose
# interfaces were renamed.)
CGROUP = """
cg=/sys/fs/cgroup
if [ -f $cg/cpuacct/cpuacct.usage ]; then
  cpu=$(cat $cg/cpuacct/cpuacct.usage); mem=$(cat $cg/memory/memory.usage_in_bytes)
  inactive=$(sed -n 's/^total_inactive_file //p' $cg/memory/memory.stat)
else
  cpu=$(( $(sed -n 's/^usage_usec //p' $cg/cpu.stat) * 1000 )); mem=$(cat $cg/memory.current)
  inactive=$(sed -n 's/^inactive_file //p' $cg/memory.stat)
fi
echo $cpu $(( mem - inactive ))
"""


def usage(topo: Topology) -> tuple[int, int]:
    with ThreadPoolExecutor(len(topo.names)) as pool:
        rows = pool.map(lambda h: docker("exec", h, "sh", "-c", CGROUP).stdout.split(), topo.names)
        pairs = [(int(cpu), int(mem)) for cpu, mem in rows]
    return sum(c for c, _ in pairs), sum(m for _, m in pairs)


def idle(topo: Topology, seconds: float) -> tuple[float, float]:
    """CPU (% of one core, averaged over the window) and memory (MiB) of all hosts together."""
    before, start = usage(topo)[0], time.monotonic()
    time.sleep(seconds)   # the idle window being measured
    cpu_after, mem = usage(topo)
    return (cpu_after - before) / 1e9 / (time.monotonic() - start) * 100, mem / 2**20


def main(topo: Topology, idle_seconds: float) -> None:
    check_engine()
    lifecycle.up(topo)   # images built, certificates made
    t_down = timed(lifecycle.down)
    floor = bare_floor(topo)
    t_up = timed(lifecycle.up, topo)
    t_again = timed(lifecycle.up, topo)
    cpu, mib = idle(topo, idle_seconds)
    print(f"""
floor: 12 bare containers started in parallel  {floor:6.2f} s
up, from images built and network down          {t_up:6.2f} s   ({t_up / floor:.1f}x the floor)
up, when already up                             {t_again:6.2f} s
down                                            {t_down:6.2f} s
idle CPU, all hosts, over {idle_seconds:.0f} s                {cpu:6.2f} % of one core
memory, all hosts                               {mib:6.1f} MiB""")
