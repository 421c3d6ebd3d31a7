"""Exercise 4's program: the qa protocol from asyncio, serving at most SLOTS clients at a time
and hanging up on a client that stays silent for TIMEOUT seconds, so that it frees its slot.
make_handler() is yours, in exercises/limited_server.py.

    www$ python3 /labs/ch07/limited_server.py --slots 2 --timeout 3     # port 7040
"""
import argparse
import asyncio

import labkit

import qa

PORT = 7040
make_handler = labkit.answer("limited_server").make_handler


async def serve(port: int, slots: int, timeout: float) -> None:
    handler = make_handler(asyncio.Semaphore(slots), timeout)
    server = await asyncio.start_server(handler, port=port, limit=qa.MAX_LINE)
    print(f"serving port {port}: {slots} slots, {timeout:g} s of silence allowed", flush=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--slots", type=labkit.positive, default=2)
    parser.add_argument("--timeout", type=labkit.seconds, default=3.0)
    args = parser.parse_args()
    asyncio.run(serve(args.port, args.slots, args.timeout))


if __name__ == "__main__":
    labkit.main(main)
