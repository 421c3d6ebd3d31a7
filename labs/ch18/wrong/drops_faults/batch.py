"""Exercise 3, wrong: drops the Faults, so results no longer line up with calls.

It keeps only the results of the calls that worked."""
import xmlrpc.client


def call_all(proxy, calls):
    batch = xmlrpc.client.MultiCall(proxy)
    for name, args in calls:
        getattr(batch, name)(*args)
    answers, results = batch(), []
    for i in range(len(calls)):
        try:
            results.append(answers[i])
        except xmlrpc.client.Fault:
            continue
    return results + [None] * (len(calls) - len(results))
