"""Exercise 1, wrong: reads the body of 200 responses only, so after an error status the
connection is out of step (and http.client refuses the next response)."""
import http.client


def fetch_all(host, port, paths):
    conn = http.client.HTTPConnection(host, port, timeout=10)
    results = []
    for path in paths:
        conn.request("GET", path)
        response = conn.getresponse()
        results.append((response.status, response.read() if response.status == 200 else b""))
    conn.close()
    return results
