"""Exercise 4, wrong: never reads robots.txt, so fetches what it disallows."""
import time
from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup


def links(page_url, html):
    found = []
    for a in BeautifulSoup(html, "html.parser").find_all("a", href=True):
        url = urldefrag(urljoin(page_url, a["href"].strip())).url
        if urlsplit(url).scheme in ("http", "https") and url not in found:
            found.append(url)
    return found


def site_of(url):
    parts = urlsplit(url)
    return parts.scheme, parts.hostname, parts.port or {"http": 80, "https": 443}[parts.scheme]


def crawl(start_url, fetch, agent):
    delay = 0.1   # polite enough, robots.txt or not
    home = site_of(start_url)
    start = urldefrag(start_url).url
    queue, queued, visited = deque([start]), {start}, []
    while queue:
        url = queue.popleft()
        time.sleep(delay)
        page = fetch(url)
        visited.append(url)
        if page.status != 200 or page.content_type != "text/html":
            continue
        for link in links(url, page.text):
            if site_of(link) == home and link not in queued:
                queued.add(link)
                queue.append(link)
    return visited
