#!/usr/bin/env python3
"""Exercise 2: a mutual-TLS server for www that knows who is calling from the client's
certificate (labs/ch06/README.md, section 'Exercise 2').

Write mtls_context() and client_identity() below. The rest of the server (arguments, the
accept loop that survives refused clients, the "hello CN: you sent LINE" answer) is given,
in labs/ch06/mtls_server_main.py. Run it on www:
    python3 /labs/ch06/exercises/mtls_server.py            # port 6020"""

import ssl  # noqa: F401 (for your code)
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the chapter's tlslab
import tlslab  # noqa: E402,F401
from mtls_server_main import main  # noqa: E402


def mtls_context(cert, key, client_ca):
    """A server context that presents cert/key and REQUIRES a client certificate signed by
    the CA in the file client_ca."""
    # TODO Exercise 2: A server context with cert/key that refuses clients without a
    # certificate signed by the CA in client_ca. Careful: what is a server
    # context's verify_mode by default, and which CAs does it load?
    raise NotImplementedError("Exercise 2: see labs/ch06/README.md")


def client_identity(tls):
    """The commonName of the client's (already verified) certificate."""
    # TODO Exercise 2: The client certificate's commonName (tlslab has a helper).
    raise NotImplementedError("Exercise 2: see labs/ch06/README.md")


if __name__ == "__main__":
    main(mtls_context, client_identity)
