"""One listing, with every command and reply printed, in passive mode (PASV: the client
opens the data connection to a port the server names) or active mode (PORT: the server
connects back to a port the client names, which a NAT must rewrite); optionally over
explicit TLS (AUTH TLS, then PROT P for the data connection)."""
import ftplib
import ssl

import ftplab


def session(args) -> ftplib.FTP:
    if not args.tls:
        return ftplab.login(args)
    # The system's trust store holds the lab CA; the server must prove it is args.host.
    ftp = ftplib.FTP_TLS(context=ssl.create_default_context())
    ftp.connect(args.host, args.port, timeout=10)
    ftp.login(args.user, ftplab.password(args))    # AUTH TLS first, then USER and PASS
    ftp.prot_p()                                   # and the data connections too
    return ftp


def main() -> None:
    p = ftplab.parser(__doc__)
    p.add_argument("folder", nargs="?", default="pub/binary", help="default pub/binary")
    p.add_argument("--active", action="store_true", help="PORT instead of PASV")
    p.add_argument("--tls", action="store_true", help="explicit FTPS (AUTH TLS, PROT P)")
    args = p.parse_args()
    # Level 1 prints each command (*cmd*) and reply (*resp*); ftplib masks the password
    # in what it prints, not in what it sends.
    ftplib.FTP.debugging = 1
    ftp = session(args)
    ftp.set_pasv(not args.active)
    for name in ftp.nlst(args.folder):
        print(f"name: {name}")
    ftp.quit()


if __name__ == "__main__":
    ftplab.main(main)
