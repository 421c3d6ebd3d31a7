"""Exercise 1, wrong: a cheat, no connection; answers from a table of www's names.

A cheat, no connection at all; answers from a table of the names the lab's www certificate
is known to carry."""
import ssl

KNOWN = {"www.example.com": ["www.example.com", "www"], "www": ["www.example.com", "www"]}
ISSUER = ((("organizationName", "Network Playground"),),
          (("commonName", "Network Playground CA (example.com)"),))


class Verified:
    def __init__(self, names):
        self.names = names

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def version(self):
        return "TLSv1.3"

    def getpeercert(self):
        return {"subjectAltName": [("DNS", n) for n in self.names], "issuer": ISSUER}


def verified_connection(host, port, address=None):
    if host not in KNOWN or port != 443 or address:
        raise ssl.SSLError(f"certificate verify failed for {host}")
    return Verified(KNOWN[host])
