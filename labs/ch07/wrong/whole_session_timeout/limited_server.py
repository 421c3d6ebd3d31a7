"""Exercise 4, wrong: the timeout covers the whole connection, not each wait for a question,
so a client that keeps asking is cut off once the timeout has passed."""
import asyncio

import qa


def make_handler(slots, timeout):
    async def serve_client(reader, writer):
        try:
            async with slots, asyncio.timeout(timeout):
                while (line := await reader.readline()).endswith(b"\n"):
                    writer.write(qa.answer(line))
                    await writer.drain()
        except (TimeoutError, ValueError, ConnectionError):
            pass
        finally:
            writer.close()
    return serve_client
