"""Exercise 4, wrong: holds a slot per client, but waits for a silent client forever, so two
silent clients keep everyone else out."""
import qa


def make_handler(slots, timeout):
    async def serve_client(reader, writer):
        async with slots:
            try:
                while (line := await reader.readline()).endswith(b"\n"):
                    writer.write(qa.answer(line))
                    await writer.drain()
            except (ValueError, ConnectionError):
                pass
            finally:
                writer.close()
    return serve_client
