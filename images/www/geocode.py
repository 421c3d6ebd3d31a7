"""www's web app: httpbin, with a small Google-style geocoding API beside it (chapter 1), and
a 301 to www's own name for any other name the zone gives www (chapter 9: a site that moved).

GET /geocode/json?address=TEXT answers {"status": "OK", "results": [...]} for the places below
(matched by case-insensitive words) or {"status": "ZERO_RESULTS", "results": []}.
"""
import json
import socket
from urllib.parse import parse_qs, quote

import httpbin
from playground.topology import load

COMPOSE = "/etc/playground/compose.yaml"

PLACES = [
    ("Eiffel Tower, Champ de Mars, 75007 Paris, France", 48.8584, 2.2945),
    ("Brandenburg Gate, Pariser Platz, 10117 Berlin, Germany", 52.5163, 13.3777),
    ("Colosseum, Piazza del Colosseo, 00184 Rome, Italy", 41.8902, 12.4922),
    ("Sydney Opera House, Bennelong Point, Sydney NSW 2000, Australia", -33.8568, 151.2153),
    ("Statue of Liberty, Liberty Island, New York, NY 10004, USA", 40.6892, -74.0445),
    ("Golden Gate Bridge, San Francisco, CA 94129, USA", 37.8199, -122.4783),
    ("Christ the Redeemer, Corcovado, Rio de Janeiro, Brazil", -22.9519, -43.2105),
    ("Taj Mahal, Dharmapuri, Agra, Uttar Pradesh 282001, India", 27.1751, 78.0421),
    ("Tokyo Tower, 4-2-8 Shibakoen, Minato City, Tokyo 105-0011, Japan", 35.6586, 139.7454),
    ("Table Mountain, Cape Town, 8001, South Africa", -33.9628, 18.4098),
]


def lookup(address):
    words = address.lower().replace(",", " ").split()
    return [{"formatted_address": name, "geometry": {"location": {"lat": lat, "lng": lng}}}
            for name, lat, lng in PLACES
            if words and all(w in name.lower().replace(",", " ").split() for w in words)]


def geocode(environ, start_response):
    query = parse_qs(environ.get("QUERY_STRING", ""))
    address = query.get("address", [""])[0]
    results = lookup(address)
    body = json.dumps({"status": "OK" if results else "ZERO_RESULTS", "results": results},
                      indent=2).encode() + b"\n"
    start_response("200 OK", [("Content-Type", "application/json"),
                              ("Content-Length", str(len(body)))])
    return [body]


def names():
    """This host's own name, and the other names compose.yaml's zone gives it (example.org)."""
    topo = load(COMPOSE)
    host = topo[socket.gethostname()]
    return host.fqdn, set(topo.aliases(host))


CANONICAL, MOVED = names()


def moved(environ, start_response):
    """301 to the same path and query on the canonical name, scheme kept."""
    query = environ.get("QUERY_STRING", "")
    location = (f"{environ['wsgi.url_scheme']}://{CANONICAL}{quote(environ.get('PATH_INFO', '/'))}"
                + (f"?{query}" if query else ""))
    body = f'<a href="{location}">Moved Permanently</a>\n'.encode()
    start_response("301 Moved Permanently", [("Location", location),
                                             ("Content-Type", "text/html; charset=utf-8"),
                                             ("Content-Length", str(len(body)))])
    return [body]


def app(environ, start_response):
    """httpbin for every path but /geocode/json; a redirect for www's other names."""
    if environ.get("HTTP_HOST", "").rsplit(":", 1)[0].rstrip(".").lower() in MOVED:
        return moved(environ, start_response)
    if environ.get("PATH_INFO") == "/geocode/json":
        return geocode(environ, start_response)
    return httpbin.app(environ, start_response)
