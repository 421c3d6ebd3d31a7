"""Exercise 1: a recursive mirror that tells files from folders (labs/ch17/README.md)."""


def is_folder(ftp, name):
    """TODO: return True if `name` (relative to the current folder of the logged-in
    ftplib.FTP session `ftp`) is a folder on the server, False if it is a file, leaving the
    current folder as it was. NLST does not say; LIST's format is not standard; but only a
    folder can be entered with CWD (ftp.cwd raises ftplib.error_perm for a file)."""
    raise NotImplementedError


def mirror(ftp, remote, local):
    """TODO: copy the server's folder `remote` (relative to the current folder), with every
    file and folder under it, empty folders too, into the local folder `local` (made if
    missing); files byte for byte (binary mode). Leave the session's current folder as it
    was, and return how many files were copied."""
    raise NotImplementedError
