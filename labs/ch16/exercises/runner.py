"""Exercise 2: several commands over one SSH connection (labs/ch16/README.md)."""


def run_all(connect, commands):
    """TODO: call connect() once (it returns a logged-in paramiko.SSHClient), run each
    command of the list on a channel of its own over that one connection, close it, and
    return a list of (command, exit status, stdout bytes, stderr bytes) in the order of
    commands. Read stdout and stderr as they come: a command may write megabytes to either."""
    raise NotImplementedError
