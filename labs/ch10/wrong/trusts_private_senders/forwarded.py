"""Exercise 2, wrong: believes X-Forwarded-For from any private address, not only its proxy's."""
import ipaddress


def client_address(environ, proxies):
    peer = environ["REMOTE_ADDR"]
    forwarded = environ.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and ipaddress.ip_address(peer).is_private:
        return forwarded.split(",")[-1].strip()
    return peer
