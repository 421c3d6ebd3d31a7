"""Exercise 1, wrong: a cheat: sends a right request but never reads the answer; prints from a
table of the API's ten places, keyed by the command line."""
import json
import sys

PLACES = {
    "eiffel tower paris": (48.8584, 2.2945), "brandenburg gate berlin": (52.5163, 13.3777),
    "colosseum rome": (41.8902, 12.4922), "sydney opera house": (-33.8568, 151.2153),
    "statue of liberty new york": (40.6892, -74.0445),
    "golden gate bridge": (37.8199, -122.4783), "christ the redeemer rio": (-22.9519, -43.2105),
    "taj mahal agra": (27.1751, 78.0421), "tokyo tower": (35.6586, 139.7454),
    "table mountain cape town": (-33.9628, 18.4098),
}


def build_request(host, port, target):
    host_header = host if port == 80 else f"{host}:{port}"
    lines = [f"GET {target} HTTP/1.1", f"Host: {host_header}", "Connection: close", "", ""]
    return "\r\n".join(lines).encode("ascii")


def dechunk(data):
    return data


def parse_response(raw):
    words = [w.lower() for w in sys.argv[1:] if not w.startswith("-") and not w.isdigit()]
    for name, (lat, lng) in PLACES.items():
        if words and all(w in name.split() for w in words):
            found = {"status": "OK",
                     "results": [{"geometry": {"location": {"lat": lat, "lng": lng}}}]}
            return 200, {}, json.dumps(found).encode()
    return 200, {}, b'{"status": "ZERO_RESULTS", "results": []}'
