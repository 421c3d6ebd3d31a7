"""The book's flawed bank, piece by piece: the same functions as exercises/session.py,
markup.py and csrf.py, written the way app_insecure.py works. bank.py uses each of them
for every piece you have not fixed (and for all of them with --flawed)."""


def make_cookie(username, key):
    return username                     # anyone can write this cookie for anyone


def user_of(cookie, key):
    return cookie or None               # ... and the bank believes it


def text(value):
    return value                        # markup in a message is markup in the page


def attribute(value):
    return value                        # a quote in a value ends the attribute


def query(params):
    return "&".join(f"{name}={value}" for name, value in params.items())


def csrf_token(session, key):
    return ""                           # no token: the form carries nothing secret


def form_accepted(form, session, key):
    return True                         # any site's form may pay from a logged-in user
