"""Exercise 3: download and delete, exactly what was saved (labs/ch14/README.md). The
program around it is labs/ch14/fetch.py; poplib and os are what you need."""


def download_and_delete(connect, folder, max_bytes):
    """TODO: connect() returns a logged-in poplib session. Save every message of at most
    max_bytes octets (as LIST counts them) into its own file in folder, whole (headers and
    body, as RETR gives it), and delete it on the server only once its file is written.
    Bigger messages stay on the server untouched, and so does mail that arrives while you
    work. The deletions count only if the session ends with QUIT. Return the paths of the
    files saved."""
    raise NotImplementedError
