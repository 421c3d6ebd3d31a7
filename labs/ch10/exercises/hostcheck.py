"""Exercise 3: a site that answers only for its own names (labs/ch10/README.md)."""


def host_allowed(environ, allowed):
    """TODO: return True when the request's Host header (environ["HTTP_HOST"]; missing when
    the client sent none) names this site, else False. `allowed` is a set of lower-case host
    names. The header is NAME or NAME:PORT. NAME must equal one of `allowed` ignoring case
    (DNS names are case-insensitive); a PORT, when there is one, must be exactly
    environ["SERVER_PORT"], the port this server listens on. Everything else is False: no
    Host, an empty one, another port, a PORT that is not digits, a name that merely starts
    or ends like an allowed one."""
    raise NotImplementedError
