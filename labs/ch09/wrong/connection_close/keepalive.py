"""Exercise 1, wrong: one HTTPConnection object, but every request says "Connection: close",
so the server hangs up and http.client quietly opens a new connection for the next."""
import http.client


def fetch_all(host, port, paths):
    conn = http.client.HTTPConnection(host, port, timeout=10)
    results = []
    for path in paths:
        conn.request("GET", path, headers={"Connection": "close"})
        response = conn.getresponse()
        results.append((response.status, response.read()))
    conn.close()
    return results
