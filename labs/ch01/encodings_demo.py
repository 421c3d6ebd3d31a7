#!/usr/bin/env python3
"""Text is characters, the network carries bytes: encode text and decode bytes explicitly."""
import argparse

import labkit

ENCODINGS = ["utf-8", "utf-16-le", "latin-1", "ascii"]


def show_encodings(text):
    print(f"text: {text!r} ({len(text)} characters)")
    for name in ENCODINGS:
        try:
            data = text.encode(name)
        except UnicodeEncodeError as exc:
            print(f"{name}: cannot encode {exc.object[exc.start]!r} at position {exc.start}")
            continue
        print(f"{name}: {len(data)} bytes {data.hex(' ')}")


def show_decoding(hexdata, encoding):
    try:
        data = bytes.fromhex(hexdata)
    except ValueError:
        labkit.fail(f"{hexdata!r} is not hex bytes")
    try:
        text = data.decode(encoding)
    except LookupError:
        labkit.fail(f"unknown encoding {encoding!r}")
    except UnicodeDecodeError as exc:
        labkit.fail(f"byte {data[exc.start]:#04x} at position {exc.start}"
                    f" is not valid {encoding}")
    print(f"{encoding}: {text!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("text", nargs="?", default="Zürich → 東京",
                        help="text to encode (default: %(default)s)")
    parser.add_argument("--decode", metavar="HEX", help="decode these hex bytes instead")
    parser.add_argument("--encoding", default="utf-8", help="encoding for --decode")
    args = parser.parse_args()
    if args.decode is not None:
        show_decoding(args.decode, args.encoding)
    else:
        show_encodings(args.text)


if __name__ == "__main__":
    labkit.main(main)
