"""Exercise 3, wrong: list(batch()), which raises the first Fault and loses every result."""
import xmlrpc.client


def call_all(proxy, calls):
    batch = xmlrpc.client.MultiCall(proxy)
    for name, args in calls:
        getattr(batch, name)(*args)
    return list(batch())
