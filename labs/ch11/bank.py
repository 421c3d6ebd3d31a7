"""The example.com bank: a small Flask web application (log in, see your payments, pay
someone), as in the book's app_insecure.py and app_improved.py. The pieces that make it
safe or not are yours: the session cookie (Exercise 1, exercises/session.py), how text goes
into the page (Exercise 2, exercises/markup.py) and the CSRF token (Exercise 3,
exercises/csrf.py). A piece you have not fixed is the book's flawed one (flawed.py).

Every payment is printed as a line `PAID {json}`: the bank's journal, read by the grader."""
import argparse
import json
import os
import threading
from urllib.parse import urlencode

from flask import Flask, redirect, request

import flawed
import labkit

PORT, TLS_PORT = 11010, 11043
TLS = ("/etc/playground/tls/server.crt", "/etc/playground/tls/server.key")   # www's own
PIECES = ("session", "markup", "csrf")
USERS = ["brandon:atigdng", "sam:xyzzy"]   # the book's two customers


def pieces(fixed):
    """{piece: module}: the student's module for each fixed piece, flawed.py for the rest."""
    return {
        "session": labkit.answer("session") if "session" in fixed else flawed,
        "markup": labkit.answer("markup") if "markup" in fixed else flawed,
        "csrf": labkit.answer("csrf") if "csrf" in fixed else flawed,
    }


def try_pieces(p, key):
    """Call every piece once now, so an unwritten exercise says so at start-up rather than
    as an error page at the first request."""
    p["session"].user_of(p["session"].make_cookie("probe", key), key)
    p["markup"].text(""), p["markup"].attribute(""), p["markup"].query({})
    p["csrf"].form_accepted({}, "probe", key), p["csrf"].csrf_token("probe", key)


def page(title, *body):
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{title}</title></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n")


class Bank:
    """The accounts and the ledger, kept in memory: each start is a new bank."""

    def __init__(self, users):
        self.passwords = dict(u.split(":", 1) for u in users)
        self.ledger = []
        self.lock = threading.Lock()   # the server answers requests in threads

    def pay(self, payer, account, dollars, memo):
        entry = {"from": payer, "to": account, "dollars": dollars, "memo": memo}
        with self.lock:
            self.ledger.append(entry)
        print("PAID", json.dumps(entry), flush=True)

    def payments_of(self, user):
        with self.lock:
            return [e for e in self.ledger if user in (e["from"], e["to"])]


def make_app(bank, p, key, secure):
    """The Flask application; p holds the pieces (session, markup, csrf)."""
    app = Flask(__name__)
    session, markup, csrf = p["session"], p["markup"], p["csrf"]
    text, attribute = markup.text, markup.attribute

    def current_user():
        user = session.user_of(request.cookies.get("session", ""), key)
        return user if user in bank.passwords else None

    def pay_form(token, values, complaint=""):
        hidden = (f'<input type="hidden" name="csrf_token" value="{attribute(token)}">'
                  if token else "")
        fields = "\n".join(f'<p><label>{label} <input name="{name}" '
                           f'value="{attribute(values.get(name, ""))}"></label></p>'
                           for name, label in [("account", "To account"),
                                               ("dollars", "Dollars"), ("memo", "Memo")])
        return page("Make a payment", "<h1>Make a payment</h1>",
                    f'<p id="complaint">{text(complaint)}</p>' if complaint else "",
                    f'<form id="pay" method="post" action="/pay">{hidden}',
                    fields, '<button type="submit">Pay</button></form>',
                    '<p><a href="/">Back to your account</a></p>')

    def login_form(username="", complaint=""):
        return page("Log in", "<h1>Log in to example.com bank</h1>",
                    f'<p id="complaint">{text(complaint)}</p>' if complaint else "",
                    '<form id="login" method="post" action="/login">',
                    f'<p><label>User <input name="username" value="{attribute(username)}">'
                    '</label></p>',
                    '<p><label>Password <input type="password" name="password"></label></p>',
                    '<button type="submit">Log in</button></form>')

    @app.route("/login", methods=["GET", "POST"])
    def login():
        if request.method == "GET":
            return login_form()
        username = request.form.get("username", "")
        if bank.passwords.get(username) != request.form.get("password"):
            return login_form(username, "Wrong user or password."), 401
        response = redirect("/")
        response.set_cookie("session", session.make_cookie(username, key), httponly=True,
                            secure=secure)
        return response

    @app.route("/logout")
    def logout():
        response = redirect("/login")
        response.delete_cookie("session")
        return response

    @app.route("/")
    def index():
        user = current_user()
        if user is None:
            return redirect("/login")
        rows = "\n".join(
            f'<tr><td class="from">{text(e["from"])}</td><td class="to">{text(e["to"])}</td>'
            f'<td class="dollars">{e["dollars"]}</td><td class="memo">{text(e["memo"])}</td>'
            f'<td><a class="again" href="/pay?{markup.query(again(user, e))}">pay again</a>'
            "</td></tr>" for e in bank.payments_of(user))
        flash = request.args.get("flash")
        return page("Your account", f"<h1>Welcome, {text(user)}</h1>",
                    f'<p id="flash">{text(flash)}</p>' if flash else "",
                    '<table id="payments"><tr><th>From</th><th>To</th><th>Dollars</th>'
                    "<th>Memo</th><th></th></tr>", rows, "</table>",
                    '<p><a href="/pay">Make a payment</a> <a href="/logout">Log out</a></p>')

    @app.route("/pay", methods=["GET", "POST"])
    def pay():
        user = current_user()
        if user is None:
            return redirect("/login")
        cookie = request.cookies.get("session", "")
        if request.method == "GET":
            return pay_form(csrf.csrf_token(cookie, key), request.args)
        if not csrf.form_accepted(request.form.to_dict(), cookie, key):
            return page("Refused", "<h1>Refused</h1>",
                        "<p>This form did not come from the bank.</p>"), 403
        complaint = complaint_about(bank, user, request.form)
        if complaint:
            return pay_form(csrf.csrf_token(cookie, key), request.form, complaint), 400
        form = request.form
        bank.pay(user, form["account"], int(form["dollars"]), form.get("memo", ""))
        return redirect("/?" + urlencode({"flash": "Payment successful"}))

    return app


def again(user, entry):
    """The query of a 'pay again' link: the same payment to the other party."""
    other = entry["to"] if entry["from"] == user else entry["from"]
    return {"account": other, "dollars": str(entry["dollars"]), "memo": entry["memo"]}


def complaint_about(bank, user, form):
    """Why the payment form cannot be paid, or '' when it can."""
    dollars = form.get("dollars", "")
    if not dollars.isdigit() or not 0 < int(dollars) <= 100000:
        return "Dollars must be a whole number from 1 to 100000."
    if form.get("account") not in bank.passwords or form["account"] == user:
        return "No such account to pay."
    return ""


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=labkit.port)
    parser.add_argument("--tls", action="store_true", help="HTTPS with www's certificate")
    parser.add_argument("--user", action="append", metavar="NAME:PASSWORD",
                        help=f"a customer (repeat; default {' '.join(USERS)})")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--flawed", action="store_true", help="the book's flaws, every piece")
    which.add_argument("--fix", default=",".join(PIECES),
                       help="the pieces that are yours, e.g. session,csrf (default: all)")
    args = parser.parse_args()
    fixed = set() if args.flawed else set(filter(None, args.fix.split(",")))
    if fixed - set(PIECES):
        labkit.fail(f"no piece called {', '.join(sorted(fixed - set(PIECES)))}: "
                    f"choose among {','.join(PIECES)}")
    key = os.urandom(32)   # the server's secret: new at each start, known to no one else
    p = pieces(fixed)
    try_pieces(p, key)
    app = make_app(Bank(args.user or USERS), p, key, secure=args.tls)
    port = args.port or (TLS_PORT if args.tls else PORT)
    app.run(host="0.0.0.0", port=port, threaded=True, ssl_context=TLS if args.tls else None)


if __name__ == "__main__":
    labkit.main(main)
