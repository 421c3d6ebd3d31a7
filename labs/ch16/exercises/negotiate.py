"""Exercise 1: a Telnet option negotiator (labs/ch16/README.md)."""


def negotiate(data, terminal):
    """TODO: split bytes received from a Telnet server into (text, reply, rest).

    text: the data bytes, with each IAC IAC turned into one byte 255 and every command left
    out; reply: the bytes to send back: IAC WILL TTYPE for IAC DO TTYPE (24), IAC WONT X for
    any other IAC DO X, IAC DONT X for every IAC WILL X, nothing for DONT, WONT or any other
    command, and IAC SB TTYPE IS <terminal in ASCII> IAC SE for IAC SB TTYPE SEND IAC SE
    (other subnegotiations are ignored; inside one, IAC IAC is a data byte); rest: an
    incomplete command at the end of data, returned unparsed so that the caller can put it
    in front of what it receives next."""
    raise NotImplementedError
