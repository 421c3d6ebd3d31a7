"""Exercise 2, wrong: a cheat: asks this host's kernel (`ip route get`) and ignores the
interface and gateway it was given."""
import subprocess


def next_hop(interface, gateway, destination):
    if gateway not in interface.network or gateway == interface.ip:
        raise ValueError(f"gateway {gateway} is not another address on {interface.network}")
    words = subprocess.run(["ip", "route", "get", str(destination)], capture_output=True,
                           text=True, check=True).stdout.split()
    if words[0] == "local":
        return "local"
    return f"via {words[words.index('via') + 1]}" if "via" in words else "on-link"
