"""A browser without a screen, for the bank: it keeps cookies per host, fills in forms and
submits them as a person (or a page's script) would, and prints what came back. It runs a
list of steps in order, in one session:

    login USER PASSWORD        fill in the bank's login form and submit it
    pay ACCOUNT DOLLARS MEMO   fill in the bank's payment form (hidden fields and all)
    open URL                   open a link (relative to the bank), e.g. one in an e-mail
    submit URL                 open a page anywhere and submit its first form, as a page's
                               onload script does: this is how a cross-site POST happens
    cookie VALUE               set the bank's session cookie by hand (what a forger does)
    post URL FIELDS            POST urlencoded FIELDS (a=1&b=2) to URL, no form needed

e.g.  browser.py http://www.example.com:11010 login sam xyzzy pay brandon 5 lunch open /
"""
import argparse
import json
from urllib.parse import parse_qsl, urljoin, urlsplit

import requests
from bs4 import BeautifulSoup

import labkit

ARITY = {"login": 2, "pay": 3, "open": 1, "submit": 1, "cookie": 1, "post": 2}


def steps(words):
    """[(verb, [arguments])] from the command line's words."""
    out, i = [], 0
    while i < len(words):
        verb = words[i]
        if verb not in ARITY:
            labkit.fail(f"unknown step {verb!r}: use {', '.join(ARITY)}")
        args = words[i + 1:i + 1 + ARITY[verb]]
        if len(args) < ARITY[verb]:
            labkit.fail(f"step {verb} needs {ARITY[verb]} argument(s)")
        out.append((verb, args))
        i += 1 + ARITY[verb]
    return out


def form_fields(form):
    """The fields a browser would submit from a form, with the values the page gave."""
    return {i["name"]: i.get("value", "") for i in form.find_all(["input", "textarea"])
            if i.get("name")}


def submit_form(web, page, form_id, filled):
    """Fill in and submit the form of a page, as a browser does: action and method from
    the form, every named field (hidden ones too), the Origin of the page it came from."""
    soup = BeautifulSoup(page.text, "html.parser")
    form = soup.find("form", id=form_id) if form_id else soup.find("form")
    if form is None:
        labkit.fail(f"no {form_id or ''} form at {page.url} (status {page.status_code})")
    fields = {**form_fields(form), **filled}
    action = urljoin(page.url, form.get("action") or page.url)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
    headers = {"Origin": origin, "Referer": page.url}
    if form.get("method", "get").lower() == "post":
        return web.post(action, data=fields, headers=headers, timeout=10)
    return web.get(action, params=fields, headers=headers, timeout=10)


def step(web, bank, verb, args):
    if verb == "login":
        page = web.get(urljoin(bank, "/login"), timeout=10)
        return submit_form(web, page, "login", {"username": args[0], "password": args[1]})
    if verb == "pay":
        page = web.get(urljoin(bank, "/pay"), timeout=10)
        return submit_form(web, page, "pay", dict(zip(("account", "dollars", "memo"), args)))
    if verb == "open":
        return web.get(urljoin(bank, args[0]), timeout=10)
    if verb == "submit":
        return submit_form(web, web.get(args[0], timeout=10), None, {})
    if verb == "post":
        return web.post(urljoin(bank, args[0]), data=dict(parse_qsl(args[1])), timeout=10)
    web.cookies.set("session", args[0], domain=urlsplit(bank).hostname, path="/")
    return None


def report(verb, response, cookies, as_json):
    if response is None:
        return
    if as_json:
        print(json.dumps({"step": verb, "status": response.status_code, "url": response.url,
                          "cookies": cookies, "html": response.text}), flush=True)
        return
    soup = BeautifulSoup(response.text, "html.parser")
    said = [soup.title.string if soup.title else ""] + [
        p.get_text() for p in soup.find_all(id=("flash", "complaint"))]
    print(f"{verb}: {response.status_code} {response.url}  " + " | ".join(said), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bank", help="the bank's address, e.g. http://www.example.com:11010")
    parser.add_argument("steps", nargs="+", help="the steps, as above")
    parser.add_argument("--json", action="store_true",
                        help="one JSON line per step, with the whole page")
    args = parser.parse_args()
    todo = steps(args.steps)
    with requests.Session() as web:
        for verb, words in todo:
            response = step(web, args.bank, verb, words)
            report(verb, response, web.cookies.get_dict(), args.json)


if __name__ == "__main__":
    labkit.main(main)
