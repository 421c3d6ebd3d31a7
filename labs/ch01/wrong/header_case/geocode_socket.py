"""Exercise 1, wrong: header names are matched as the server happened to spell them
(`Content-Length`, `Transfer-Encoding: chunked`), and `Name: value` must have its space."""


def build_request(host, port, target):
    host_header = host if port == 80 else f"{host}:{port}"
    lines = [f"GET {target} HTTP/1.1", f"Host: {host_header}", "Connection: close", "", ""]
    return "\r\n".join(lines).encode("ascii")


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
    status_line, *header_lines = head.decode("iso-8859-1").split("\r\n")
    parts = status_line.split(" ", 2)
    if len(parts) < 2 or not parts[1].isdigit():
        raise ValueError(f"bad status line {status_line!r}")
    headers = {}
    for line in header_lines:
        name, sep, value = line.partition(": ")
        if sep:
            headers[name] = value
    if headers.get("Transfer-Encoding") == "chunked":
        body = dechunk(body)
    elif "Content-Length" in headers:
        length = int(headers["Content-Length"])
        if len(body) < length:
            raise ValueError(f"body has {len(body)} of {length} bytes")
        body = body[:length]
    return int(parts[1]), headers, body
