#!/usr/bin/env python3
"""Text on the wire is bytes: the same text encoded several ways, and the same bytes decoded
several ways (only one of which is right).

    python3 /labs/ch05/text_encodings.py                      # a sample with accents and €
    python3 /labs/ch05/text_encodings.py --text 'Grüße, 5 €'
    python3 /labs/ch05/text_encodings.py --hex 'ff fe 48 00 69 00'   # decode these bytes

UTF-16 has two byte orders; the codec `utf-16` writes a byte order mark (BOM, U+FEFF) first so
the reader can tell which, `utf-16-le`/`utf-16-be` fix the order and write none. UTF-8 needs no
BOM (`utf-8-sig` adds one anyway, as some Windows programs do).
"""
import argparse

import labkit

ENCODE_AS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252"]
DECODE_AS = ["utf-8", "latin-1", "cp1252", "ascii", "utf-16"]
SAMPLE = "Café déjà vu: 5 €"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--text", default=SAMPLE, help=f"text to encode (default {SAMPLE!r})")
    source.add_argument("--hex", help="bytes to decode, as hex digits ('ff fe 41 00')")
    args = parser.parse_args()
    if args.hex is not None:
        try:
            args.data = bytes.fromhex(args.hex)
        except ValueError:
            parser.error(f"--hex {args.hex!r}: not pairs of hex digits")
    else:
        args.data = args.text.encode("utf-8")
    return args


def show_encodings(text):
    print(f"text {text!r}: {len(text)} characters")
    for name in ENCODE_AS:
        try:
            data = text.encode(name)
        except UnicodeEncodeError as exc:
            print(f"  encode {name:<10} impossible: {exc.reason} "
                  f"({text[exc.start:exc.end]!r} at {exc.start})")
            continue
        bom = "  (starts with a BOM)" if data[:3] == b"\xef\xbb\xbf" or data[:2] in (
            b"\xff\xfe", b"\xfe\xff") else ""
        print(f"  encode {name:<10} {len(data):3} bytes: {data.hex(' ')}{bom}")


def show_decodings(data):
    print(f"bytes {data.hex(' ')}: {len(data)} bytes")
    for name in DECODE_AS:
        try:
            print(f"  decode {name:<10} {data.decode(name)!r}")
        except UnicodeDecodeError as exc:
            # errors="replace" shows where it breaks instead of failing outright
            print(f"  decode {name:<10} fails: {exc.reason} at byte {exc.start}; "
                  f"with errors='replace': {data.decode(name, errors='replace')!r}")


def main():
    args = parse_args()
    if args.hex is None:
        show_encodings(args.text)
    show_decodings(args.data)


if __name__ == "__main__":
    labkit.main(main)
