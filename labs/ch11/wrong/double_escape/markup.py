"""Exercise 2, wrong: escapes twice: safe, but plain text shows &amp;lt; and friends."""
import html
from urllib.parse import urlencode


def text(value):
    return html.escape(html.escape(value))


def attribute(value):
    return html.escape(html.escape(value))


def query(params):
    return html.escape(urlencode(params))
