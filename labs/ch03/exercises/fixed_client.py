"""Exercise 1: recvall for fixed-length messages (labs/ch03/README.md).

fixed_client.py (in the chapter folder) is the program around it: for each word it calls
sock.sendall(message) and then your recvall(sock, 16), and prints the reply.
"""


def recvall(sock, length):
    """TODO: return exactly `length` bytes from sock.

    recv(n) returns *up to* n bytes: whatever has arrived. Call it until you have them all.
    If recv() returns b"" the peer has closed and no more bytes will ever come: raise
    EOFError saying how many of the bytes arrived (e.g. "connection closed after 4 of 16
    bytes"); looping on instead would spin forever.
    """
    raise NotImplementedError
