"""Exercise 2, wrong: strips <script> tags instead of escaping: every other tag gets through."""
import html
import re
from urllib.parse import urlencode

SCRIPT = re.compile(r"</?script[^>]*>", re.I)


def text(value):
    return SCRIPT.sub("", value)


def attribute(value):
    return SCRIPT.sub("", value).replace('"', "&quot;")


def query(params):
    return html.escape(urlencode(params))
