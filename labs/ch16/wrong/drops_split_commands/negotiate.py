"""Exercise 1, wrong: a command cut off at the end of a recv() is thrown away instead of kept for the next one"""
IAC, DONT, DO, WONT, WILL, SB, SE = 255, 254, 253, 252, 251, 250, 240
TTYPE, IS, SEND = 24, 0, 1


def negotiate(data, terminal):
    text, reply = bytearray(), bytearray()
    i = 0
    while i < len(data):
        if data[i] != IAC:
            text.append(data[i])
            i += 1
            continue
        if i + 1 == len(data):
            break                                   # a lone IAC: the rest is on its way
        command = data[i + 1]
        if command == IAC:                          # IAC IAC is the data byte 255
            text.append(IAC)
            i += 2
        elif command in (DO, DONT, WILL, WONT):
            if i + 2 == len(data):
                break
            reply += answer(command, data[i + 2])
            i += 3
        elif command == SB:
            end = subnegotiation_end(data, i + 2)
            if end is None:
                break
            if data[i + 2:end] == bytes([TTYPE, SEND]):
                reply += bytes([IAC, SB, TTYPE, IS]) + terminal.encode("ascii") + \
                    bytes([IAC, SE])
            i = end + 2
        else:
            i += 2                                  # NOP, GA, ...: nothing to answer
    return bytes(text), bytes(reply), b""


def answer(command, option):
    """We will do TTYPE and nothing else, and want the server to do nothing; a DONT or
    WONT asks for what is already so, and is not answered (RFC 854: no loops)."""
    if command == DO:
        return bytes([IAC, WILL if option == TTYPE else WONT, option])
    if command == WILL:
        return bytes([IAC, DONT, option])
    return b""


def subnegotiation_end(data, start):
    """Where the IAC SE that ends a subnegotiation starts (IAC IAC inside is a data byte),
    or None when it has not arrived yet."""
    i = start
    while i + 1 < len(data):
        if data[i] == IAC:
            if data[i + 1] == SE:
                return i
            i += 2
        else:
            i += 1
    return None
