"""Ask an SMTP server what it offers (EHLO), what its SIZE limit is, and, with --starttls,
what it offers once the session is encrypted: mail.example.com offers AUTH only then.
The certificate is verified against the system's CAs (the lab CA among them) and its name
against HOST; a server that fails that check is refused."""
import argparse
import smtplib
import ssl

import labkit

PORT = 25


def show(smtp, when):
    """Print the EHLO keywords the server offered, and its SIZE limit."""
    code, _ = smtp.ehlo()
    if code != 250:
        labkit.fail(f"EHLO refused {when}: {code}")
    for keyword, params in smtp.esmtp_features.items():
        print(f"{when}: {keyword.upper()} {params.strip()}".rstrip())
    size = smtp.esmtp_features.get("size", "").strip()
    limit = f"{int(size)} bytes" if size.isdigit() and int(size) else "none announced"
    print(f"{when}: size limit {limit}; AUTH {'offered' if smtp.has_extn('auth') else 'not offered'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", help="the SMTP server, e.g. mail.example.com")
    parser.add_argument("--port", type=labkit.port, default=PORT)
    parser.add_argument("--starttls", action="store_true",
                        help="switch to TLS (verified) and ask again")
    args = parser.parse_args()
    with smtplib.SMTP(args.host, args.port, timeout=10) as smtp:
        show(smtp, "in clear")
        if args.starttls:
            # create_default_context() verifies the chain AND the name; starttls() without a
            # context would encrypt to anyone.
            smtp.starttls(context=ssl.create_default_context())
            show(smtp, "over TLS")


if __name__ == "__main__":
    labkit.main(main)
