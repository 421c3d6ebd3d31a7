"""Exercise 1, wrong: its own name check knows DNS names only, not addresses.

Its own name check compares host with the DNS names only, so a certificate that names the
address it was asked for is refused."""
import socket
import ssl

import tlslab


def verified_connection(host, port, address=None):
    context = ssl.create_default_context()
    context.check_hostname = False          # we check the name ourselves, below
    raw = socket.create_connection((address or host, port), timeout=tlslab.TIMEOUT)
    tls = context.wrap_socket(raw, server_hostname=host)
    if host.lower() not in [n.lower() for n in tlslab.dns_names(tls.getpeercert())]:
        tls.close()
        raise ssl.SSLError(f"the certificate does not name {host}")
    return tls
