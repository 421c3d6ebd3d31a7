"""Each topic of the chapter done with requests (one function per topic, the same names in
via_urllib.py and via_httpclient.py); side_by_side.py runs them. Every function takes the
server's base URL and a word to send, and returns what came back as a dict."""
import requests

TIMEOUT = 10


def query(base, word):
    # params= builds and escapes the query string: spaces, & and = in values are safe.
    r = requests.get(f"{base}/get", params={"q": word, "lang": "en & fr"}, timeout=TIMEOUT)
    return {"url": r.url, "args": r.json()["args"]}


def form(base, word):
    r = requests.post(f"{base}/post", data={"name": word, "lang": "en"}, timeout=TIMEOUT)
    echo = r.json()
    return {"form": echo["form"], "content_type": echo["headers"]["Content-Type"]}


def upload(base, word):
    files = {"file": (f"{word}.txt", f"hello {word}\n".encode(), "text/plain")}
    r = requests.post(f"{base}/post", data={"note": word}, files=files, timeout=TIMEOUT)
    echo = r.json()
    return {"files": echo["files"], "form": echo["form"]}


def headers(base, word):
    r = requests.get(f"{base}/headers", headers={"X-Lab-Word": word,
                                                 "User-Agent": "ch09-requests"}, timeout=TIMEOUT)
    echo = r.json()["headers"]
    return {"x-lab-word": echo.get("X-Lab-Word"), "user-agent": echo.get("User-Agent")}


def head(base, word):
    r = requests.head(f"{base}/anything/{word}", timeout=TIMEOUT)
    return {"status": r.status_code, "content-length": r.headers.get("Content-Length"),
            "body_bytes": len(r.content)}


def auth(base, word):
    # auth=(user, password) sends "Authorization: Basic base64(user:password)" at once.
    r = requests.get(f"{base}/basic-auth/student/{word}", auth=("student", word),
                     timeout=TIMEOUT)
    return {"status": r.status_code, "echo": r.json()}


def cookies(base, word):
    # The Session keeps the cookie that /cookies/set sets and sends it to /cookies, the
    # redirect's target, in the second request.
    with requests.Session() as s:
        r = s.get(f"{base}/cookies/set", params={"lab": word}, timeout=TIMEOUT)
        return {"history": [h.status_code for h in r.history], "sent": r.json()["cookies"]}


def redirects(base, word):
    out = {}
    for code in (302, 303, 307):
        r = requests.post(f"{base}/redirect-to", params={"url": f"/anything/{word}",
                                                         "status_code": code},
                          data=word, timeout=TIMEOUT)
        echo = r.json()
        out[code] = {"history": [h.status_code for h in r.history], "method": echo["method"],
                     "data": echo["data"]}
    return out


def manual(base, word):
    r = requests.get(f"{base}/redirect-to", params={"url": f"/anything/{word}"},
                     allow_redirects=False, timeout=TIMEOUT)
    return {"status": r.status_code, "location": r.headers["Location"]}


def moved(base, word):
    r = requests.get(f"{base}/anything/{word}", timeout=TIMEOUT)
    return {"history": [[h.status_code, h.url] for h in r.history], "url": r.url}


def status(base, word):
    r = requests.get(f"{base}/status/404", timeout=TIMEOUT)   # no exception by itself
    try:
        r.raise_for_status()
        raised = None
    except requests.HTTPError as e:
        raised = str(e)
    return {"status": r.status_code, "raise_for_status": raised}


def gzip(base, word):
    # requests asks for gzip (Accept-Encoding) and decodes it: r.content is the JSON.
    r = requests.get(f"{base}/gzip", timeout=TIMEOUT)
    return {"content-encoding": r.headers.get("Content-Encoding"),
            "wire_bytes": int(r.headers["Content-Length"]), "decoded_bytes": len(r.content),
            "gzipped": r.json()["gzipped"]}


def keepalive(base, word):
    # One Session, one pool: the three requests share a TCP connection.
    with requests.Session() as s:
        return {"statuses": [s.get(f"{base}/anything/{word}/{i}", timeout=TIMEOUT).status_code
                             for i in range(3)]}
