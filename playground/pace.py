"""A paced UDP sender, run INSIDE a lab host by `playground stress` (copied there; standard
library only): RATE datagrams a second to HOST:PORT for SECONDS, then one JSON line saying how
many went and over how long. Bounded: at most 20000 a second, for at most 10 s.

    h1$ python3 pace.py www 9999 10000 10
"""
import json
import socket
import sys
import time

MAX_RATE, MAX_SECONDS = 20000, 10.0
SLICE = 0.001   # the pacing step: RATE / 1000 datagrams each millisecond


def main() -> None:
    host, port, rate, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    if not (0 < rate <= MAX_RATE and 0 < seconds <= MAX_SECONDS):
        sys.exit(f"pace.py: at most {MAX_RATE} a second for {MAX_SECONDS:g} s")
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.connect((host, port))
    payload = b"p" * 32
    sent, start = 0, time.monotonic()
    while (now := time.monotonic()) < start + seconds:
        due = min(int((now - start) * rate) + 1, int(rate * seconds))   # on schedule so far
        while sent < due:
            try:
                sock.send(payload)
            except ConnectionRefusedError:   # an ICMP port unreachable came back: go on
                continue
            sent += 1
        time.sleep(SLICE)
    print(json.dumps({"sent": sent, "seconds": round(time.monotonic() - start, 3)}))


if __name__ == "__main__":
    main()
