"""Each topic of the chapter done with urllib.request, the standard library's URL opener
(the same names as via_requests.py; side_by_side.py runs them)."""
import base64
import gzip as gzip_
import json
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import httpkit

TIMEOUT = 10


def fetch(request, opener=urllib.request.urlopen):
    """(response, body): the response is closed once its body is read."""
    with opener(request, timeout=TIMEOUT) as response:
        return response, response.read()


def query(base, word):
    qs = urllib.parse.urlencode({"q": word, "lang": "en & fr"})   # escaping is our job
    response, body = fetch(f"{base}/get?{qs}")
    return {"url": response.url, "args": json.loads(body)["args"]}


def form(base, word):
    data = urllib.parse.urlencode({"name": word, "lang": "en"}).encode()
    echo = json.loads(fetch(urllib.request.Request(f"{base}/post", data=data))[1])
    return {"form": echo["form"], "content_type": echo["headers"]["Content-Type"]}


def upload(base, word):
    kind, data = httpkit.multipart({"note": word},
                                   {"file": (f"{word}.txt", f"hello {word}\n".encode())})
    request = urllib.request.Request(f"{base}/post", data=data, headers={"Content-Type": kind})
    echo = json.loads(fetch(request)[1])
    return {"files": echo["files"], "form": echo["form"]}


def headers(base, word):
    request = urllib.request.Request(f"{base}/headers", headers={"X-Lab-Word": word,
                                                                 "User-Agent": "ch09-urllib"})
    echo = json.loads(fetch(request)[1])["headers"]
    return {"x-lab-word": echo.get("X-Lab-Word"), "user-agent": echo.get("User-Agent")}


def head(base, word):
    response, body = fetch(urllib.request.Request(f"{base}/anything/{word}", method="HEAD"))
    return {"status": response.status, "content-length": response.headers["Content-Length"],
            "body_bytes": len(body)}


def auth(base, word):
    # HTTPBasicAuthHandler waits for a 401 challenge, then retries with the password: two
    # requests. Sending the header ourselves, as here, takes one, as requests does.
    token = base64.b64encode(f"student:{word}".encode()).decode()
    request = urllib.request.Request(f"{base}/basic-auth/student/{word}",
                                     headers={"Authorization": f"Basic {token}"})
    response, body = fetch(request)
    return {"status": response.status, "echo": json.loads(body)}


def cookies(base, word):
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)).open
    qs = urllib.parse.urlencode({"lab": word})
    response, body = fetch(f"{base}/cookies/set?{qs}", opener)
    return {"history": "urllib keeps none", "sent": json.loads(body)["cookies"]}


def redirects(base, word):
    out = {}
    for code in (302, 303, 307):
        qs = urllib.parse.urlencode({"url": f"/anything/{word}", "status_code": code})
        try:
            echo = json.loads(fetch(urllib.request.Request(f"{base}/redirect-to?{qs}",
                                                           data=word.encode()))[1])
            out[code] = {"method": echo["method"], "data": echo["data"]}
        except urllib.error.HTTPError as e:   # urllib will not re-send a POST on a 307
            out[code] = {"error": f"HTTP Error {e.code}: {e.reason}"}
    return out


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None   # so the 3xx arrives as an HTTPError, with its headers


def manual(base, word):
    opener = urllib.request.build_opener(NoRedirect).open
    qs = urllib.parse.urlencode({"url": f"/anything/{word}"})
    try:
        fetch(f"{base}/redirect-to?{qs}", opener)
    except urllib.error.HTTPError as e:
        return {"status": e.code, "location": e.headers["Location"]}
    raise AssertionError("the server did not redirect")


def moved(base, word):
    response, _ = fetch(f"{base}/anything/{word}")
    return {"history": "urllib keeps none", "url": response.url}


def status(base, word):
    try:
        response, _ = fetch(f"{base}/status/404")
        return {"status": response.status, "raised": None}
    except urllib.error.HTTPError as e:   # urlopen raises for every 4xx and 5xx
        return {"status": e.code, "raised": str(e)}


def gzip(base, word):
    # urllib neither asks for nor decodes compression: both are ours to do.
    request = urllib.request.Request(f"{base}/gzip", headers={"Accept-Encoding": "gzip"})
    response, body = fetch(request)
    encoding = response.headers["Content-Encoding"]
    decoded = gzip_.decompress(body) if encoding == "gzip" else body
    return {"content-encoding": encoding, "wire_bytes": len(body),
            "decoded_bytes": len(decoded), "gzipped": json.loads(decoded)["gzipped"]}


def keepalive(base, word):
    # urlopen sends "Connection: close" and opens a new connection for every URL.
    return {"statuses": [fetch(f"{base}/anything/{word}/{i}")[0].status for i in range(3)]}
