"""Exercise 1, wrong: a new HTTPConnection (and TCP handshake) for every path."""
import http.client


def fetch_all(host, port, paths):
    results = []
    for path in paths:
        conn = http.client.HTTPConnection(host, port, timeout=10)
        conn.request("GET", path)
        response = conn.getresponse()
        results.append((response.status, response.read()))
        conn.close()
    return results
