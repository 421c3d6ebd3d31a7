"""Exercise 2: text that stays text in the page (labs/ch11/README.md)."""


def text(value):
    """TODO: return `value` written as HTML element content (between <p> and </p>, in a
    table cell): the page must show exactly the characters of value, whatever they are,
    and never read a tag out of them."""
    raise NotImplementedError


def attribute(value):
    """TODO: return `value` written for the inside of a double-quoted attribute
    (value="..."): it must come back exactly as value, and never end the attribute."""
    raise NotImplementedError


def query(params):
    """TODO: return the query string of `params` (a dict of str to str) written for the
    inside of a double-quoted href="/pay?...": a browser that follows the link must send
    exactly these parameters, no more, whatever their values hold (&, =, #, spaces,
    quotes, non-ASCII)."""
    raise NotImplementedError
