"""Exercise 4: a polite crawler (labs/ch11/README.md)."""


def links(page_url, html):
    """TODO: return the absolute URLs that the <a href="..."> links of an HTML page lead to,
    each without its #fragment, in the order they appear, once each: hrefs are relative to
    page_url (urllib.parse.urljoin); only http and https links count (no mailto:,
    javascript:, ...). Form actions, images, stylesheets and scripts are not links to
    follow. Parse with BeautifulSoup or lxml, not regular expressions."""
    raise NotImplementedError


def crawl(start_url, fetch, agent):
    """TODO: visit every page of start_url's site (same scheme, host and port) that links()
    leads to from start_url, and return the URLs fetched, in order. fetch(url) does one
    GET and returns a Page (url, status, content_type, text): make every request through
    it, robots.txt included. Politely: read /robots.txt first (urllib.robotparser, with
    your own `agent` name), never fetch what it disallows for that agent, keep to its
    Request-rate (N requests per S seconds: wait S/N seconds before each request), fetch
    every page once only, and look for links only in pages of content type text/html."""
    raise NotImplementedError
