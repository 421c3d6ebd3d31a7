"""Exercise 4, wrong: hangs up on a silent client but gives its slot back only when a client
ends normally, so every timeout loses a slot for good."""
import asyncio

import qa


def make_handler(slots, timeout):
    async def serve_client(reader, writer):
        await slots.acquire()
        try:
            while (line := await asyncio.wait_for(reader.readline(), timeout)).endswith(b"\n"):
                writer.write(qa.answer(line))
                await writer.drain()
            slots.release()
        except (TimeoutError, ValueError, ConnectionError):
            pass
        finally:
            writer.close()
    return serve_client
