"""Exercise 1, wrong: Content-Length is ignored: the body is everything after the headers,
so bytes past it, or a body cut short, go unnoticed."""


def build_request(host, port, target):
    if port != 80:
        host = f"{host}:{port}"
    return (f"GET {target} HTTP/1.1\r\n"
            f"Host: {host}\r\n"
            "Connection: close\r\n"
            "\r\n").encode()


def dechunk(data):
    out = []
    while True:
        line_end = data.find(b"\r\n")
        if line_end < 0:
            raise ValueError("unterminated chunk size")
        size = int(data[:line_end].split(b";")[0], 16)
        if size == 0:
            return b"".join(out)
        start = line_end + 2
        if data[start + size:start + size + 2] != b"\r\n":
            raise ValueError("short chunk")
        out.append(data[start:start + size])
        data = data[start + size + 2:]


def parse_response(raw):
    if b"\r\n\r\n" not in raw:
        raise ValueError("no end of headers")
    head, body = raw.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    try:
        code = int(lines[0].split()[1])
    except (IndexError, ValueError):
        raise ValueError(f"bad status line {lines[0]!r}") from None
    headers = {}
    for line in lines[1:]:
        if ":" not in line:
            raise ValueError(f"bad header {line!r}")
        name, value = line.split(":", 1)
        headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = dechunk(body)
    return code, headers, body
