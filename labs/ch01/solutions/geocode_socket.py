"""Exercise 1, the reference solution: the request's bytes and the response's parsing."""


def build_request(host, port, target):
    """The bytes of a GET request: request line, Host, Connection: close, blank line."""
    host_header = host if port == 80 else f"{host}:{port}"
    lines = [f"GET {target} HTTP/1.1",
             f"Host: {host_header}",
             "Accept: application/json",
             "Connection: close",        # so the server closes and EOF ends the response
             "", ""]
    return "\r\n".join(lines).encode("ascii")


def dechunk(data):
    """Undo Transfer-Encoding: chunked: hex size line, that many bytes, CRLF, until size 0."""
    body = b""
    while True:
        size_line, sep, data = data.partition(b"\r\n")
        if not sep:
            raise ValueError("chunk size line not terminated")
        size = int(size_line.split(b";")[0], 16)   # a chunk extension may follow ';'
        if size == 0:
            return body
        if len(data) < size + 2 or data[size:size + 2] != b"\r\n":
            raise ValueError("chunk shorter than its size line says")
        body, data = body + data[:size], data[size + 2:]


def parse_response(raw):
    """Split a whole response into (status code, headers with lower-case names, body)."""
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        raise ValueError("no blank line after the headers")
    status_line, *header_lines = head.decode("iso-8859-1").split("\r\n")
    parts = status_line.split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        raise ValueError(f"bad status line {status_line!r}")
    headers = {}
    for line in header_lines:
        name, colon, value = line.partition(":")
        if not colon:
            raise ValueError(f"bad header line {line!r}")
        headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = dechunk(body)
    elif "content-length" in headers:
        length = int(headers["content-length"])
        if len(body) < length:
            raise ValueError(f"body has {len(body)} of {length} bytes")
        body = body[:length]
    return int(parts[1]), headers, body
