"""Plumbing shared by chapter 9's programs: an http.client connection for a URL, and a
multipart/form-data body for the two clients that have no encoder of their own (requests
builds one from files=...)."""
import http.client
import secrets
from urllib.parse import urlsplit


def connect(url: str, timeout: float = 10):
    """(an HTTPConnection, or HTTPSConnection verified against the system's CAs, to the URL's
    host and port; the request target: path and query). Nothing is sent yet."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http:// or https:// URL: {url!r}")
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return kind(parts.hostname, parts.port, timeout=timeout), target


def multipart(fields: dict, files: dict) -> tuple[str, bytes]:
    """(Content-Type, body) of a multipart/form-data request: fields {name: text} and files
    {name: (filename, bytes)}. The boundary is random, so no content can contain it by chance."""
    boundary = "ch09-" + secrets.token_hex(12)
    parts = []
    for name, value in fields.items():
        parts.append(f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
                     + value.encode())
    for name, (filename, data) in files.items():
        parts.append(f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     "Content-Type: text/plain\r\n\r\n".encode() + data)
    body = b"".join(f"--{boundary}\r\n".encode() + p + b"\r\n" for p in parts)
    return f"multipart/form-data; boundary={boundary}", body + f"--{boundary}--\r\n".encode()
