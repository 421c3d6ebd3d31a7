"""Exercise 3: answer and hang up (labs/ch03/README.md).

hangup_server.py (in the chapter folder) accepts each client and calls your answer(conn).
"""


def answer(conn):
    """TODO: reply to one client and close its connection, whatever the client did.

    Read what the client sends (one recv of up to 1024 bytes is enough here) and send it back
    in capitals (bytes.upper()). Then close the socket: until you do, the kernel keeps the
    connection, in CLOSE_WAIT once the client has closed its end (`ss -tan` on www). A client
    that closes without sending anything (recv returns b"") must be hung up on too. Use
    `with conn:` so that no path forgets.
    """
    raise NotImplementedError
