"""The chapter's protocol, "qa", which every server of the chapter speaks.

A question is one line of UTF-8 text ending in "?" (at most MAX_LINE bytes with its newline);
the answer is one line: the question's words in reverse order, ending in ".". A line that is
not a question gets a line starting "error:". A client may ask any number of questions on one
connection, and closes it when done; a line longer than MAX_LINE makes the server hang up.

    h1$ python3 /labs/ch07/qa_client.py www "is this the answer?"
    answer this is the.
"""
from __future__ import annotations

MAX_LINE = 1024
# The listen backlog of the chapter's servers: room for 200 clients connecting at once (the
# bench's load); a smaller queue drops SYNs, and a client whose retries outlast its timeout fails.
BACKLOG = 256
NOT_A_QUESTION = b"error: a question ends with '?'\n"


def answer(line: bytes) -> bytes:
    """The answer line to one question line (which ends in b"\\n")."""
    text = line.decode("utf-8", "replace").strip()
    if not text.endswith("?"):
        return NOT_A_QUESTION
    return (" ".join(reversed(text[:-1].split())) + ".\n").encode()


def take_lines(buffer: bytearray) -> list[bytes]:
    """Remove every complete line from buffer and return them; a partial line stays there,
    to be completed by the next recv(). For servers that read whatever has arrived."""
    end = buffer.rfind(b"\n") + 1
    lines = bytes(buffer[:end]).splitlines(keepends=True)
    del buffer[:end]
    return lines


def too_long(buffer: bytearray) -> bool:
    """True when the unfinished line in buffer is already longer than the protocol allows."""
    return len(buffer) > MAX_LINE
