"""The grading library: what graders (labs/chNN/test_chNN.py) check over and over.

Program results: shown(), failure(), clean_failure(), not_started().
Packets: tcp(), syn_of(), handshake(), stream(), conversations() (TCP reassembled from a
capture), tls_records() and sni() (TLS as it crosses the wire).
Timing: wait_until(); fresh data: token(); the student's own data: variant().
"""
from __future__ import annotations

import hashlib
import time
import uuid

NOT_DONE = ": not done yet"   # what labkit.main() prints for an untouched exercise


# --- what a program did -----------------------------------------------------------------

def shown(result) -> str:
    """A program's status and output, to end a failure message with."""
    state = "timed out" if result.timed_out else f"exit status {result.status}"
    return f"\n--- {state}; stdout:\n{result.stdout}--- stderr:\n{result.stderr}"


def failure(result) -> str:
    """The last line the program wrote to stderr (or why there is none)."""
    if result.timed_out:
        return "timed out"
    lines = result.stderr.strip().splitlines()
    return lines[-1] if lines else f"(status {result.status}, no stderr)"


def not_started(text: str) -> bool:
    return NOT_DONE in text


def clean_failure(result, what: str, *expected) -> str:
    """Assert that the program refused or failed as a program should: in time, with a
    non-zero status and exactly one line on stderr (no traceback) containing each of
    `expected` (case-insensitive; a tuple means any one of its words). Returns that line."""
    __tracebackhide__ = True
    assert not result.timed_out, f"{what}: the program hung{shown(result)}"
    assert result.status != 0, f"{what}: the exit status should say it failed{shown(result)}"
    assert "Traceback" not in result.stderr, \
        f"{what}: a traceback, not a one-line message{shown(result)}"
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"{what}: expected one line on stderr saying why{shown(result)}"
    for text in expected:
        words = text if isinstance(text, tuple) else (text,)
        assert any(w.lower() in lines[0].lower() for w in words), \
            f"{what}: the message should say {' or '.join(map(repr, words))}{shown(result)}"
    return lines[0]


# --- packets ------------------------------------------------------------------------------

def tcp(packets, port: int) -> list:
    """The TCP packets to or from port."""
    return [p for p in packets if p.proto == "tcp" and port in (p.sport, p.dport)]


def syn_of(packets, src: str, port: int):
    """The first SYN (or SYN-ACK) that src sent on a connection using port."""
    for p in tcp(packets, port):
        if p.src == src and "S" in p.flags:
            return p
    raise AssertionError(f"no SYN from {src} on port {port} in the capture")


def handshake(packets, client: str, server: str, port: int):
    """The SYN, SYN-ACK, ACK of a connection from client to server:port, in that order;
    returns the SYN."""
    __tracebackhide__ = True
    segs = tcp(packets, port)
    syn = next((p for p in segs if p.flags == "S" and p.src == client and p.dport == port),
               None)
    assert syn, f"no SYN from {client} to port {port}"
    synack = next((p for p in segs if p.flags == "SA" and p.src == server
                   and p.dport == syn.sport), None)
    assert synack, f"no SYN-ACK from {server} to {client}:{syn.sport}"
    ack = next((p for p in segs if "A" in p.flags and p.src == client and p.sport == syn.sport
                and p.ack == synack.seq + 1), None)
    assert ack, f"no ACK of the SYN-ACK from {client}"
    assert syn.time <= synack.time <= ack.time, "handshake segments out of order"
    return syn


def stream(packets, src: str, port: int) -> bytes:
    """The bytes src sent on the (single) connection using port, in order; retransmissions
    count once, and a gap in what was captured fails."""
    base = syn_of(packets, src, port).seq + 1
    out = bytearray()
    for offset, payload in sorted(((p.seq - base) % 2**32, p.payload) for p in tcp(packets, port)
                                  if p.src == src and p.payload):
        assert offset <= len(out), f"the capture missed bytes from {src} at offset {len(out)}"
        out[offset:offset + len(payload)] = payload
    return bytes(out)


def conversations(packets, server_port: int) -> dict:
    """{client port: (bytes client->server, bytes server->client)} of every TCP connection
    to server_port, each direction reassembled in sequence order."""
    segments: dict = {}
    for p in tcp(packets, server_port):
        if p.payload:
            client, direction = (p.sport, 0) if p.dport == server_port else (p.dport, 1)
            segments.setdefault((client, direction), {}).setdefault(p.seq, p.payload)
    streams: dict = {}
    for (client, direction), by_seq in segments.items():
        data, end = b"", None
        for seq in sorted(by_seq):
            chunk = by_seq[seq]
            if end is not None and seq < end:
                chunk = chunk[end - seq:]
            data += chunk
            end = max(end or 0, seq + len(by_seq[seq]))
        streams.setdefault(client, [b"", b""])[direction] = data
    return {client: tuple(pair) for client, pair in streams.items()}


def tls_records(data: bytes) -> list[tuple[int, bytes]]:
    """(content type, body) of each TLS record in a byte stream, as far as it parses:
    20 change_cipher_spec, 21 alert, 22 handshake, 23 application_data."""
    out, i = [], 0
    while i + 5 <= len(data) and data[i] in (20, 21, 22, 23) and data[i + 1] == 3:
        size = int.from_bytes(data[i + 3:i + 5], "big")
        out.append((data[i], data[i + 5:i + 5 + size]))
        i += 5 + size
    return out


def sni(client_hello: bytes) -> str | None:
    """The server_name of a ClientHello handshake message, or None."""
    try:
        i = 4 + 2 + 32                                          # header, version, random
        i += 1 + client_hello[i]                                # session id
        i += 2 + int.from_bytes(client_hello[i:i + 2], "big")   # cipher suites
        i += 1 + client_hello[i]                                # compression methods
        end = i + 2 + int.from_bytes(client_hello[i:i + 2], "big")
        i += 2
        while i + 4 <= end:
            kind = int.from_bytes(client_hello[i:i + 2], "big")
            size = int.from_bytes(client_hello[i + 2:i + 4], "big")
            if kind == 0:                                       # server_name: list, type, len
                length = int.from_bytes(client_hello[i + 7:i + 9], "big")
                return client_hello[i + 9:i + 9 + length].decode()
            i += 4 + size
    except (IndexError, UnicodeDecodeError):
        pass
    return None


# --- time and data ------------------------------------------------------------------------

def wait_until(condition, timeout: float, what: str):
    """Poll condition() until it is true, and return what it gave; fail saying `what` after
    timeout seconds."""
    __tracebackhide__ = True
    deadline = time.monotonic() + timeout
    while not (value := condition()):
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.05)   # poll interval of a readiness check
    return value


def token() -> str:
    """A word no other run or test sends, to find our own datagrams and lines, and so
    that no table of answers can know it in advance."""
    return "t" + uuid.uuid4().hex[:10]


def variant(student: str, name: str, choices):
    """The student's own pick among choices for the thing called name (a port, a secret, a
    message): the same every run for the same student, and most often another for another
    student, so one student's output cannot stand in for another's while the grader still
    knows what to expect. Pure: the student id comes from the `student` fixture."""
    choices = list(choices)
    digest = hashlib.sha256(f"{student}\0{name}".encode()).digest()
    return choices[int.from_bytes(digest[:8], "big") % len(choices)]
