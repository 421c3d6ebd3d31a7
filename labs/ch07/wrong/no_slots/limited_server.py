"""Exercise 4, wrong: hangs up on silent clients, but never takes a slot, so it serves any
number of clients at once."""
import asyncio

import qa


def make_handler(slots, timeout):
    async def serve_client(reader, writer):
        try:
            while (line := await asyncio.wait_for(reader.readline(), timeout)).endswith(b"\n"):
                writer.write(qa.answer(line))
                await writer.drain()
        except (TimeoutError, ValueError, ConnectionError):
            pass
        finally:
            writer.close()
    return serve_client
