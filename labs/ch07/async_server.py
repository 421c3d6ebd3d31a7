"""The qa protocol served by asyncio: one thread, an event loop like eventloop.py's, but
each client is written as a straight-line coroutine; every `await` is where the loop may
turn to another client.

    www$ python3 /labs/ch07/async_server.py          # port 7005
"""
import argparse
import asyncio

import labkit

import qa

PORT = 7005


async def converse(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while line := await reader.readline():   # b"" at EOF
            if not line.endswith(b"\n"):          # closed in the middle of a line
                break
            writer.write(qa.answer(line))
            await writer.drain()                  # wait here if the client reads slowly
    except (ValueError, ConnectionError):         # line over the limit, or a reset
        pass
    finally:
        writer.close()


async def serve(port: int) -> None:
    server = await asyncio.start_server(converse, port=port, limit=qa.MAX_LINE,
                                        backlog=qa.BACKLOG)
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    asyncio.run(serve(parser.parse_args().port))


if __name__ == "__main__":
    labkit.main(main)
