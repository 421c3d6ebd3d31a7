"""Ask a memcached for its counters over the text protocol, by hand: `stats` answers one
`STAT name value` line per counter and `END`. Prints them as one JSON object.

    python3 /labs/ch08/mc_stats.py www            # the lab's memcached on 11211
    python3 /labs/ch08/mc_stats.py www:8011 get_hits get_misses cmd_set
"""
import argparse
import json
import socket

import labkit

PORT = 11211


def address(text: str) -> tuple[str, int]:
    """HOST or HOST:PORT, for argparse."""
    host, _, port = text.partition(":")
    return host, labkit.port(port) if port else PORT


def stats(server: tuple[str, int]) -> dict[str, str]:
    with socket.create_connection(server, timeout=5) as sock:
        sock.sendall(b"stats\r\n")
        counters = {}
        while (line := labkit.recv_line(sock).decode().rstrip("\r\n")) != "END":
            kind, name, value = line.split(" ", 2)
            if kind != "STAT":
                labkit.fail(f"{server[0]}:{server[1]} answered {line!r}")
            counters[name] = value
    return counters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("server", type=address, help="HOST[:PORT], e.g. www or www:8011")
    parser.add_argument("names", nargs="*", help="only these counters")
    args = parser.parse_args()
    counters = stats(args.server)
    print(json.dumps({n: counters.get(n) for n in args.names} if args.names else counters))


if __name__ == "__main__":
    labkit.main(main)
