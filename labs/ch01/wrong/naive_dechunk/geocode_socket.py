"""Exercise 1, wrong: dechunk() splits at every CRLF and keeps every other line, trusting no
size line: chunk data holding CRLF, or a chunk extension, comes out wrong."""


def build_request(host, port, target):
    host_header = host if port == 80 else f"{host}:{port}"
    lines = [f"GET {target} HTTP/1.1", f"Host: {host_header}", "Connection: close", "", ""]
    return "\r\n".join(lines).encode("ascii")


def dechunk(data):
    lines = data.split(b"\r\n")
    body = b""
    for size_line, chunk in zip(lines[0::2], lines[1::2]):
        if size_line.strip() == b"0":
            break
        body += chunk
    return body


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
