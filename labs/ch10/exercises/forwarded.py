"""Exercise 2: an application that knows its client behind a reverse proxy
(labs/ch10/README.md)."""


def client_address(environ, proxies):
    """TODO: return the address of the client, as a string, for the request in the WSGI
    environ. REMOTE_ADDR is whoever opened the connection: when that is one of `proxies` (a
    set of addresses of reverse proxies you run), the client is the address the proxy put
    LAST in X-Forwarded-For (environ["HTTP_X_FORWARDED_FOR"], entries separated by commas);
    everything before it came from the client and proves nothing. When REMOTE_ADDR is not a
    proxy, ignore X-Forwarded-For (and X-Real-IP) altogether: anyone can send them."""
    raise NotImplementedError
