"""What the chapter's programs share: the functions every server offers (so XML-RPC, JSON-RPC,
multiprocessing and the benchmark serve the same API), where the lab's certificates live, an
XML-RPC transport with a timeout, and how a command line's arguments become values."""
import json
import xmlrpc.client

CA = "/etc/playground/certs/ca.crt"
CLIENT_CERT = "/etc/playground/certs/client/student.crt"   # in every host
CLIENT_KEY = "/etc/playground/certs/client/student.key"
SERVER_CERT = "/etc/playground/tls/server.crt"             # on www only
SERVER_KEY = "/etc/playground/tls/server.key"


def add(a, b):
    """The sum of a and b."""
    return a + b


def upper(text):
    """text in capitals."""
    return text.upper()


def divide(a, b):
    """a / b; dividing by zero raises, and the error travels back to the caller."""
    return a / b


def echo(value):
    """value itself: whatever survived the trip there comes back."""
    return value


def describe(value):
    """What arrived: the server's Python type name and the value's repr."""
    return f"{type(value).__name__}: {value!r}"


FUNCTIONS = {f.__name__: f for f in (add, upper, divide, echo, describe)}


def value(text: str):
    """A command-line argument as a value: JSON when it parses (3, 2.5, null, [1, "a"]),
    else the text itself, so words need no quotes."""
    try:
        return json.loads(text)
    except ValueError:
        return text


class TimeoutTransport(xmlrpc.client.Transport):
    """xmlrpc.client's HTTP transport, with a timeout: ServerProxy itself has no such option,
    and a call to a filtered port would otherwise hang for minutes."""

    def __init__(self, timeout: float):
        super().__init__()
        self.timeout = timeout

    def make_connection(self, host):
        conn = super().make_connection(host)
        conn.timeout = self.timeout
        return conn


def proxy(host: str, port: int, timeout: float = 5, **options) -> xmlrpc.client.ServerProxy:
    """A ServerProxy for http://HOST:PORT/RPC2 whose calls give up after timeout seconds."""
    return xmlrpc.client.ServerProxy(f"http://{host}:{port}/RPC2",
                                     transport=TimeoutTransport(timeout), **options)


def call_text(name: str, args) -> str:
    """name(arg, ...) as a caller would write it."""
    return f"{name}({', '.join(map(repr, args))})"


def fault_line(fault: xmlrpc.client.Fault) -> str:
    return f"fault {fault.faultCode}: {fault.faultString}"

