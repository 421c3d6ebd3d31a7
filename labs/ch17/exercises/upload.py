"""Exercise 3: an upload with progress that stores exactly the bytes (labs/ch17/README.md)."""


def upload(ftp, path, name, progress):
    """TODO: store the local file `path` on the server as `name`, in the current folder of
    the logged-in ftplib.FTP session `ftp`, byte for byte (binary mode). After each block
    sent, call progress(sent, total): the bytes sent so far and the file's size. Return the
    number of bytes sent."""
    raise NotImplementedError
