"""Exercise 4: an asyncio server whose silent clients free their slot (labs/ch07/README.md)."""


def make_handler(slots, timeout):
    """TODO: return the coroutine function that asyncio.start_server() calls with (reader,
    writer) for each client. It serves the qa protocol (qa.py), holding one of `slots` (an
    asyncio.Semaphore) while it does, so that no more clients are served at once than it
    allows; it hangs up on a client that leaves `timeout` seconds pass without finishing a
    question, and only once that connection is closed (writer.wait_closed()) gives the slot
    to the next client. A client that keeps asking, however long in all, keeps its
    connection."""
    raise NotImplementedError
