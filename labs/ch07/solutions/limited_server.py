"""Exercise 4, the reference solution."""
import asyncio

import qa


def make_handler(slots, timeout):
    async def serve_client(reader, writer):
        async with slots:                         # released however the block ends
            try:
                while True:
                    line = await asyncio.wait_for(reader.readline(), timeout)
                    if not line.endswith(b"\n"):  # EOF, perhaps in the middle of a line
                        break
                    writer.write(qa.answer(line))
                    await writer.drain()
            except (TimeoutError, ValueError, ConnectionError):
                pass                              # silent, too long, or reset: hang up
            finally:
                writer.close()                    # hang up first, then free the slot
                try:
                    await writer.wait_closed()
                except ConnectionError:
                    pass
    return serve_client
