"""Exercise 4's program: crawl one web site politely with crawl() and links() (yours, in
exercises/crawl.py) and print every URL fetched, with its status and title.

    www$ python3 /labs/ch11/site.py
    h1$  python3 /labs/ch11/crawler.py http://www.example.com:11020/
"""
import argparse
from typing import NamedTuple

import requests
from bs4 import BeautifulSoup

import labkit

AGENT = "labcrawler"
answers = labkit.answer("crawl")


class Page(NamedTuple):
    url: str
    status: int
    content_type: str    # e.g. "text/html" (without "; charset=...")
    text: str


def fetcher(web, agent):
    """fetch(url) -> Page: one GET, never a redirect followed behind the crawler's back,
    with the crawler's name in every request."""
    def fetch(url):
        response = web.get(url, headers={"User-Agent": f"{agent}/1.0"}, timeout=10,
                           allow_redirects=False)
        kind = response.headers.get("Content-Type", "").split(";")[0].strip()
        return Page(response.url, response.status_code, kind, response.text)
    return fetch


def title(page):
    if page.content_type != "text/html":
        return page.content_type
    found = BeautifulSoup(page.text, "html.parser").title
    return found.get_text(strip=True) if found else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("start", help="the site's first page, e.g. http://www.example.com:11020/")
    parser.add_argument("--agent", default=AGENT, help="the crawler's name (robots.txt)")
    args = parser.parse_args()
    seen = []

    def fetch_and_tell(url):
        page = fetch(url)
        seen.append(page)
        print(f"{page.status} {url}  {title(page)}", flush=True)
        return page

    with requests.Session() as web:
        fetch = fetcher(web, args.agent)
        visited = answers.crawl(args.start, fetch_and_tell, args.agent)
    print(f"{len(visited)} pages; {len(seen)} fetches")


if __name__ == "__main__":
    labkit.main(main)
