"""Exercise 4: an SFTP upload whose bytes arrive exactly (labs/ch16/README.md)."""


def upload(sftp, local_path, remote_path, report):
    """TODO: copy the local file's bytes to remote_path over the paramiko.SFTPClient sftp,
    calling report(bytes sent so far, total size) after each block. Write them to
    remote_path + ".part" first, give it the local file's permission bits, then put it in
    place with one rename that replaces any file already at remote_path, so that nobody
    ever sees a half-written remote_path (and a file there is replaced, not rewritten)."""
    raise NotImplementedError
