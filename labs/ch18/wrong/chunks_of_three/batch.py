"""Exercise 3, wrong: batches of at most three calls, so N calls take several POSTs."""
import xmlrpc.client


def call_all(proxy, calls):
    results = []
    for start in range(0, len(calls), 3):
        batch = xmlrpc.client.MultiCall(proxy)
        for name, args in calls[start:start + 3]:
            getattr(batch, name)(*args)
        answers = batch()
        for i in range(len(calls[start:start + 3])):
            try:
                results.append(answers[i])
            except xmlrpc.client.Fault as fault:
                results.append(fault)
    return results
