"""Exercise 2: a resumable download that checks what it got (labs/ch17/README.md)."""


def resume(ftp, remote, local):
    """TODO: complete the local file `local` with the rest of the server's file `remote`
    (binary mode), through the logged-in ftplib.FTP session `ftp`. If `local` already holds
    the file's first N bytes, fetch only what follows them (REST N: retrbinary's `rest`) and
    append it; if it does not exist, fetch the whole file. Return how many bytes this call
    fetched."""
    raise NotImplementedError


def verify(path, sha256):
    """TODO: return True if the SHA-256 of the local file `path` is `sha256` (lowercase hex),
    else False; read the file in blocks, not whole (it may be large)."""
    raise NotImplementedError
