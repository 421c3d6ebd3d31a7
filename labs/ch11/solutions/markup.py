"""Exercise 2, the reference solution: what an autoescaping template (Flask's Jinja2) does."""
import html
from urllib.parse import urlencode


def text(value):
    return html.escape(value)


def attribute(value):
    return html.escape(value, quote=True)


def query(params):
    return html.escape(urlencode(params))   # first a URL's escaping, then HTML's
