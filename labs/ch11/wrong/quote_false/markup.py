"""Exercise 2, wrong: html.escape(quote=False) in attributes: a " ends the value."""
import html
from urllib.parse import urlencode


def text(value):
    return html.escape(value, quote=False)


def attribute(value):
    return html.escape(value, quote=False)


def query(params):
    return html.escape(urlencode(params), quote=False)
