"""Exercise 2, wrong: HTML-escaped but not URL-encoded: & and # in a value change the link."""
import html


def text(value):
    return html.escape(value)


def attribute(value):
    return html.escape(value)


def query(params):
    return html.escape("&".join(f"{name}={value}" for name, value in params.items()))
