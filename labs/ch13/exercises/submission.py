"""Exercise 1: a submission client that insists on verified TLS before AUTH
(labs/ch13/README.md). The program around it is labs/ch13/submit.py; smtplib and ssl are
what you need."""


def open_submission(host, port, user, password):
    """TODO: connect to host:port (timeout 10 s), say EHLO, switch to TLS with STARTTLS so
    that the server's certificate is checked against the system's CAs AND against host,
    then log in as user and return the smtplib.SMTP connection. A server that offers no
    STARTTLS, or whose certificate does not verify, must get an exception and never the
    password. (What does smtplib's starttls() check when you give it no context?)"""
    raise NotImplementedError
