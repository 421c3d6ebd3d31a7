"""Each topic of the chapter done with http.client, the HTTP/1.1 protocol by hand: one
connection, requests you write, responses you read, nothing done for you (the same names
as via_requests.py; side_by_side.py runs them). Four topics are left to the exercises."""
import base64
import gzip as gzip_
import json
import urllib.parse

import httpkit


def exchange(url, method="GET", body=None, headers=None):
    """(response, body) of one request on a connection of its own."""
    conn, target = httpkit.connect(url)
    try:
        conn.request(method, target, body=body, headers=headers or {})
        response = conn.getresponse()
        return response, response.read()
    finally:
        conn.close()


def query(base, word):
    qs = urllib.parse.urlencode({"q": word, "lang": "en & fr"})
    return {"url": f"{base}/get?{qs}", "args": json.loads(exchange(f"{base}/get?{qs}")[1])["args"]}


def form(base, word):
    data = urllib.parse.urlencode({"name": word, "lang": "en"})
    _, body = exchange(f"{base}/post", "POST", data,
                       {"Content-Type": "application/x-www-form-urlencoded"})
    echo = json.loads(body)
    return {"form": echo["form"], "content_type": echo["headers"]["Content-Type"]}


def upload(base, word):
    kind, data = httpkit.multipart({"note": word},
                                   {"file": (f"{word}.txt", f"hello {word}\n".encode())})
    echo = json.loads(exchange(f"{base}/post", "POST", data, {"Content-Type": kind})[1])
    return {"files": echo["files"], "form": echo["form"]}


def headers(base, word):
    _, body = exchange(f"{base}/headers", headers={"X-Lab-Word": word,
                                                   "User-Agent": "ch09-http.client"})
    echo = json.loads(body)["headers"]
    return {"x-lab-word": echo.get("X-Lab-Word"), "user-agent": echo.get("User-Agent")}


def head(base, word):
    response, body = exchange(f"{base}/anything/{word}", "HEAD")
    return {"status": response.status, "content-length": response.headers["Content-Length"],
            "body_bytes": len(body)}


def auth(base, word):
    token = base64.b64encode(f"student:{word}".encode()).decode()
    response, body = exchange(f"{base}/basic-auth/student/{word}",
                              headers={"Authorization": f"Basic {token}"})
    return {"status": response.status, "echo": json.loads(body)}


def cookies(base, word):
    # http.client remembers nothing: the cookie is not sent unless we send it (Exercise 2).
    qs = urllib.parse.urlencode({"lab": word})
    response, _ = exchange(f"{base}/cookies/set?{qs}")
    _, body = exchange(urllib.parse.urljoin(f"{base}/", response.headers["Location"]))
    return {"set-cookie": response.headers.get_all("Set-Cookie"),
            "sent": json.loads(body)["cookies"]}


def redirects(base, word):
    # http.client follows nothing: a 3xx is an answer like any other (Exercise 3 follows).
    out = {}
    for code in (302, 303, 307):
        qs = urllib.parse.urlencode({"url": f"/anything/{word}", "status_code": code})
        response, _ = exchange(f"{base}/redirect-to?{qs}", "POST", word)
        out[code] = {"status": response.status, "location": response.headers["Location"]}
    return out


def manual(base, word):
    qs = urllib.parse.urlencode({"url": f"/anything/{word}"})
    response, _ = exchange(f"{base}/redirect-to?{qs}")
    return {"status": response.status, "location": response.headers["Location"]}


def moved(base, word):
    response, _ = exchange(f"{base}/anything/{word}")   # the 301 itself, never followed
    return {"status": response.status, "location": response.headers["Location"]}


def status(base, word):
    response, body = exchange(f"{base}/status/404")   # a status, never an exception
    return {"status": response.status, "reason": response.reason}


def gzip(base, word):
    response, body = exchange(f"{base}/gzip", headers={"Accept-Encoding": "gzip"})
    encoding = response.headers["Content-Encoding"]
    decoded = gzip_.decompress(body) if encoding == "gzip" else body
    return {"content-encoding": encoding, "wire_bytes": len(body),
            "decoded_bytes": len(decoded), "gzipped": json.loads(decoded)["gzipped"]}


def keepalive(base, word):
    # One request; the answer says the connection may stay open (Exercise 1 reuses it).
    response, _ = exchange(f"{base}/anything/{word}")
    return {"status": response.status, "connection": response.headers["Connection"],
            "will_close": response.will_close}
