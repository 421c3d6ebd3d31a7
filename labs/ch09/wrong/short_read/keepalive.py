"""Exercise 1, wrong: reads at most 16 KiB of each body, as if one read were the whole of it."""
import http.client


def fetch_all(host, port, paths):
    conn = http.client.HTTPConnection(host, port, timeout=10)
    results = []
    for path in paths:
        conn.request("GET", path)
        response = conn.getresponse()
        results.append((response.status, response.read(16384)))
    conn.close()
    return results
