"""Exercise 2, the reference solution."""
import bisect
import hashlib

POINTS = 160   # per server: the more points, the more even the arcs


def _point(text):
    return int.from_bytes(hashlib.md5(text.encode()).digest()[:8], "big")


def build_ring(servers):
    points = sorted((_point(f"{server}#{i}"), server)
                    for server in servers for i in range(POINTS))
    return [p for p, _ in points], [s for _, s in points]


def server_for(ring, key):
    points, owners = ring
    return owners[bisect.bisect_left(points, _point(key)) % len(points)]
