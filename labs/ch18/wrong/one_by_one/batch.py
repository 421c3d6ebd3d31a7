"""Exercise 3, wrong: one POST per call (right results, N round trips)."""
import xmlrpc.client


def call_all(proxy, calls):
    results = []
    for name, args in calls:
        try:
            results.append(getattr(proxy, name)(*args))
        except xmlrpc.client.Fault as fault:
            results.append(fault)
    return results
