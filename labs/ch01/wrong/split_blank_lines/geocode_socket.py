"""Exercise 1, wrong: the response is split at every blank line, so a body that itself holds
CRLF CRLF is cut at it."""


def build_request(host, port, target):
    host_header = host if port == 80 else f"{host}:{port}"
    return b"\r\n".join([f"GET {target} HTTP/1.1".encode(), f"Host: {host_header}".encode(),
                         b"Connection: close", b"", b""])


def dechunk(data):
    body = b""
    while True:
        size_line, sep, data = data.partition(b"\r\n")
        if not sep:
            raise ValueError("chunk size line not terminated")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            return body
        if data[size:size + 2] != b"\r\n":
            raise ValueError("chunk shorter than its size")
        body += data[:size]
        data = data[size + 2:]


def parse_response(raw):
    parts = raw.split(b"\r\n\r\n")
    if len(parts) < 2:
        raise ValueError("no blank line after the headers")
    head, body = parts[0], parts[1]
    status_line, *lines = head.decode("iso-8859-1").split("\r\n")
    fields = status_line.split(" ")
    if len(fields) < 2 or not fields[1].isdigit():
        raise ValueError(f"bad status line {status_line!r}")
    headers = {}
    for line in lines:
        name, colon, value = line.partition(":")
        if not colon:
            raise ValueError(f"bad header line {line!r}")
        headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = dechunk(b"\r\n\r\n".join(parts[1:]))
    elif "content-length" in headers:
        length = int(headers["content-length"])
        if len(body) < length:
            raise ValueError(f"body has {len(body)} of {length} bytes")
        body = body[:length]
    return int(fields[1]), headers, body
