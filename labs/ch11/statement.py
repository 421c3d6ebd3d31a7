"""Scraping: log in to the bank with requests, as its login form would, and print the table
of payments from the account page, one JSON object per row, read with BeautifulSoup or with
lxml (the same rows either way):

    h1$ python3 /labs/ch11/statement.py http://www.example.com:11010 brandon atigdng
    h1$ python3 /labs/ch11/statement.py https://www.example.com:11043 brandon atigdng --with lxml
"""
import argparse
import json
from urllib.parse import urljoin

import lxml.html
import requests
from bs4 import BeautifulSoup

import labkit

COLUMNS = ("from", "to", "dollars", "memo")   # the class of each cell in the bank's table


def rows_bs4(page):
    soup = BeautifulSoup(page, "html.parser")
    table = soup.find("table", id="payments")
    return [{c: row.find("td", class_=c).get_text() for c in COLUMNS}
            for row in table.find_all("tr") if row.find("td")]


def rows_lxml(page):
    tree = lxml.html.fromstring(page)
    return [{c: row.xpath(f'string(td[@class="{c}"])') for c in COLUMNS}
            for row in tree.xpath('//table[@id="payments"]/tr[td]')]


def log_in(web, bank, user, password):
    """POST the login form's two fields; the bank answers with a cookie and a redirect."""
    response = web.post(urljoin(bank, "/login"), data={"username": user, "password": password},
                        timeout=10)
    if response.status_code != 200 or "/login" in response.url:
        labkit.fail(f"the bank did not let {user} in (status {response.status_code})")
    return response.text


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bank", help="e.g. http://www.example.com:11010")
    parser.add_argument("user")
    parser.add_argument("password")
    parser.add_argument("--with", dest="parser", choices=("bs4", "lxml"), default="bs4")
    args = parser.parse_args()
    with requests.Session() as web:
        page = log_in(web, args.bank, args.user, args.password)
    for row in (rows_lxml if args.parser == "lxml" else rows_bs4)(page):
        row["dollars"] = int(row["dollars"])
        print(json.dumps(row))


if __name__ == "__main__":
    labkit.main(main)
