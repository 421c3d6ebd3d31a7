"""Exercise 4, wrong: follows links to any http site, not its own only."""
import time
import urllib.robotparser
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


def robots_for(start_url, fetch):
    robots = urllib.robotparser.RobotFileParser()
    page = fetch(urljoin(start_url, "/robots.txt"))
    # as urllib's own read(): no robots.txt (a 4xx) allows everything
    robots.parse(page.text.splitlines() if page.status == 200 else [])
    return robots


def crawl(start_url, fetch, agent):
    robots = robots_for(start_url, fetch)
    rate = robots.request_rate(agent)   # "Request-rate: N/S": N requests per S seconds
    delay = rate.seconds / rate.requests if rate else 0
    start = urldefrag(start_url).url
    queue, queued, visited = deque([start]), {start}, []
    while queue:
        url = queue.popleft()
        if not robots.can_fetch(agent, url):
            continue
        time.sleep(delay)   # the robots.txt fetch counts as a request too
        page = fetch(url)
        visited.append(url)
        if page.status != 200 or page.content_type != "text/html":
            continue
        for link in links(url, page.text):
            if link not in queued:
                queued.add(link)
                queue.append(link)
    return visited
