"""Exercise 4, wrong: gives a silent client's slot to the next client but never closes its
connection: it stays open, unserved, with no word to the client."""
import asyncio

import qa


def make_handler(slots, timeout):
    async def serve_client(reader, writer):
        async with slots:
            try:
                while (line := await asyncio.wait_for(reader.readline(), timeout)
                       ).endswith(b"\n"):
                    writer.write(qa.answer(line))
                    await writer.drain()
            except (TimeoutError, ValueError, ConnectionError):
                return
            writer.close()
    return serve_client
