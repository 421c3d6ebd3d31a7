"""Plumbing shared by chapter 17's programs: where the server is, the login options every
program takes, one-line exits for the errors an FTP server answers, and file hashes.

The FTP calls the chapter teaches (login, NLST, LIST, RETR, STOR, REST, PASV, PORT, AUTH TLS,
PROT P) stay in the programs and in your exercises."""
import argparse
import ftplib
import hashlib
import ssl

import labkit

SERVER = "ftp.example.com"
FTP_PORT = 21
ACCOUNT = ("student", "abc123")     # the lab-only account (README.md: Services and accounts)


def parser(description: str, user: str = "anonymous") -> argparse.ArgumentParser:
    """An argument parser with the options of a login: --host, --port, --user, --password
    (the lab account's password when --user is student)."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--host", default=SERVER, help=f"the FTP server (default {SERVER})")
    p.add_argument("--port", type=labkit.port, default=FTP_PORT)
    p.add_argument("--user", default=user, help=f"default {user}")
    p.add_argument("--password", help="default: anonymous@ for anonymous, else the lab's")
    return p


def password(args) -> str:
    if args.password is not None:
        return args.password
    return "anonymous@" if args.user == "anonymous" else ACCOUNT[1]


def login(args) -> ftplib.FTP:
    """A plain FTP session, logged in as args say (the password crosses the wire in clear)."""
    ftp = ftplib.FTP()
    ftp.connect(args.host, args.port, timeout=10)
    ftp.login(args.user, password(args))
    return ftp


def sha256_file(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(65536), b""):
            digest.update(block)
    return digest.hexdigest()


def main(program) -> None:
    """labkit.main, plus one line for what the server refused and for a certificate that
    does not prove the server is the one named."""
    def guarded():
        try:
            program()
        except ssl.SSLCertVerificationError as exc:
            labkit.fail(f"refused the server: {exc.verify_message}")
        except ftplib.Error as exc:    # not an OSError: a reply such as "550 Failed to open"
            labkit.fail(f"the server said: {str(exc).strip()}")
        except EOFError:
            labkit.fail("the server closed the connection")
    labkit.main(guarded)
