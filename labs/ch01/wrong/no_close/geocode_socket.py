"""Exercise 1, wrong: the request has no `Connection: close`, so ending at EOF depends on the
server's goodwill."""


def build_request(host, port, target):
    host_header = host if port == 80 else f"{host}:{port}"
    return f"GET {target} HTTP/1.1\r\nHost: {host_header}\r\n\r\n".encode("ascii")


def dechunk(data):
    body = b""
    while True:
        size_line, sep, data = data.partition(b"\r\n")
        if not sep:
            raise ValueError("chunk size line not terminated")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            return body
        if len(data) < size + 2 or data[size:size + 2] != b"\r\n":
            raise ValueError("chunk shorter than its size line says")
        body, data = body + data[:size], data[size + 2:]


def parse_response(raw):
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        raise ValueError("no blank line after the headers")
    status_line, *lines = head.decode("iso-8859-1").split("\r\n")
    version, code, *_ = status_line.split(" ", 2)
    if not version.startswith("HTTP/") or not code.isdigit():
        raise ValueError(f"bad status line {status_line!r}")
    headers = {}
    for line in lines:
        name, colon, value = line.partition(":")
        if not colon:
            raise ValueError(f"bad header line {line!r}")
        headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        return int(code), headers, dechunk(body)
    if "content-length" in headers:
        length = int(headers["content-length"])
        if len(body) < length:
            raise ValueError(f"body has {len(body)} of {length} bytes")
        body = body[:length]
    return int(code), headers, body
