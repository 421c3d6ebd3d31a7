"""Send the message read on standard input, exactly as it is, through mail.example.com's
port 25 to the addresses given (the envelope), e.g. one a grader or you built elsewhere."""
import argparse
import smtplib
import sys

import labkit

PORT = 25


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the SMTP server, e.g. mail.example.com")
    parser.add_argument("recipients", nargs="+")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--sender", default="lab@example.com")
    args = parser.parse_args()
    raw = sys.stdin.buffer.read()
    with smtplib.SMTP(args.host, args.port, timeout=10) as smtp:
        smtp.sendmail(args.sender, args.recipients, raw)
    print(f"sent {len(raw)} bytes to {', '.join(args.recipients)}")


if __name__ == "__main__":
    labkit.main(main)
