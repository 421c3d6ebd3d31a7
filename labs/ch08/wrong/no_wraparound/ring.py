"""Exercise 2, wrong: no wrap-around: a key past the last point finds no server."""
import bisect
import hashlib


def _point(text):
    return int(hashlib.md5(text.encode()).hexdigest(), 16)


def build_ring(servers):
    return sorted((_point(f"{server}#{i}"), server) for server in servers for i in range(160))


def server_for(ring, key):
    points = [p for p, _ in ring]
    return ring[bisect.bisect_left(points, _point(key))][1]
