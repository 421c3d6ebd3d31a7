"""Grader for ch05 (network data and errors): the bytes on the wire (captured on isp), the FIN
or RST that ends a stream, and one-line error messages instead of tracebacks."""
import hashlib
import io
import json
import pickletools
import random
import re
import struct
import zlib

import dpkt
import pytest

from playground.grading import (clean_failure, conversations, shown, stream, syn_of, tcp,
                                token)

CLIENT, SERVER = "h1", "www"


# --- helpers ----------------------------------------------------------------------------------

def nat(topology):
    """Home A's clients appear on isp as modemA's WAN address."""
    return str(topology["modemA"].interface("wan").ip)


def server_ip(topology):
    return str(topology[SERVER].address)


def frames(data):
    """Split a byte stream into length-prefixed frames (4-byte big-endian length)."""
    out, pos = [], 0
    while pos < len(data):
        assert pos + 4 <= len(data), f"a partial header at offset {pos}: {data[pos:].hex()}"
        (length,) = struct.unpack("!I", data[pos:pos + 4])
        assert pos + 4 + length <= len(data), \
            f"header at offset {pos} announces {length} bytes, only {len(data) - pos - 4} follow"
        out.append(data[pos + 4:pos + 4 + length])
        pos += 4 + length
    return out


def fin_offset(packets, src, port):
    """Where src's FIN sits in its byte stream (the number of data bytes before it) and when."""
    base = syn_of(packets, src, port).seq + 1
    fins = [p for p in tcp(packets, port) if p.src == src and "F" in p.flags]
    assert fins, f"{src} sent no FIN on port {port}"
    fin = fins[0]
    return (fin.seq + len(fin.payload) - base) % 2**32, fin.time


def digest_line(payload):
    return f"{len(payload)} bytes, sha256 {hashlib.sha256(payload).hexdigest()[:16]}"


def not_listening(run, host, port):
    out = run(host, "ss", "-ltnH", f"sport = :{port}").check().stdout
    assert not out.strip(), f"something listens on {host} port {port}: pick another port"


# --- example programs -------------------------------------------------------------------------

def test_close_framing_ends_with_fins(run, serve, capture, lab_file, topology):
    port, words = 5000, ["close", "framed", token()]
    with serve(SERVER, "python3", lab_file("framing.py"), "server", "--mode", "close",
               "--port", str(port), port=port):
        with capture("isp", facing="modemA", filter=f"tcp port {port}") as cap:
            result = run(CLIENT, "python3", lab_file("framing.py"), "client", SERVER,
                         "--mode", "close", "--port", str(port), *words).check()
    sent = stream(cap.packets, nat(topology), port)
    assert sent == " ".join(words).encode()
    assert result.stdout.strip() == f"received {len(sent)} bytes"
    reply = stream(cap.packets, server_ip(topology), port)
    client_fin, client_fin_time = fin_offset(cap.packets, nat(topology), port)
    server_fin, _ = fin_offset(cap.packets, server_ip(topology), port)
    assert client_fin == len(sent), "the client's FIN should follow its last byte"
    assert server_fin == len(reply), "the server's FIN should follow its reply"
    first_reply = min(p.time for p in cap.packets if p.src == server_ip(topology) and p.payload)
    assert client_fin_time <= first_reply, "the server answered before the client's FIN"


def test_delimiter_framing(run, serve, capture, lab_file, topology):
    port, words = 5003, ["alpha", "two words", "x" * 3000]
    with serve(SERVER, "python3", lab_file("framing.py"), "server", "--mode", "delim",
               "--port", str(port), port=port):
        with capture("isp", facing="modemA", filter=f"tcp port {port}") as cap:
            result = run(CLIENT, "python3", lab_file("framing.py"), "client", SERVER,
                         "--mode", "delim", "--port", str(port), *words).check()
    assert stream(cap.packets, nat(topology), port) == b"".join(w.encode() + b"\n" for w in words)
    expected = [f"message {n}: {len(w)} bytes" for n, w in enumerate(words, 1)]
    assert result.stdout.splitlines() == expected


@pytest.mark.parametrize("fmt", ["pickle", "json", "zlib"])
def test_object_streams(run, serve, capture, lab_file, topology, fmt):
    port, count = 5001, 30
    with serve(SERVER, "python3", lab_file("objstream.py"), "server", "--count", str(count),
               "--port", str(port), port=port):
        with capture("isp", facing="modemA", filter=f"tcp port {port}") as cap:
            result = run(CLIENT, "python3", lab_file("objstream.py"), "client", SERVER,
                         "--format", fmt, "--port", str(port)).check()
    assert f"{count} records decoded from the {fmt} stream" in result.stdout, result.stdout
    data = stream(cap.packets, server_ip(topology), port)
    if fmt == "pickle":   # count the pickles without unpickling (never unpickle blindly)
        f, n = io.BytesIO(data), 0
        while f.tell() < len(data):
            list(pickletools.genops(f))   # reads exactly one pickle, up to its STOP opcode
            n += 1
        assert n == count
    else:
        text = data
        if fmt == "zlib":
            inflater = zlib.decompressobj()
            text = inflater.decompress(data)
            assert inflater.eof, "the zlib stream did not end"
            assert repr(inflater.unused_data) in result.stdout, \
                "the client should show what followed the compressed stream"
        decoder, text, n = json.JSONDecoder(), text.decode(), 0
        while text:
            _, end = decoder.raw_decode(text)
            text, n = text[end:], n + 1
        assert n == count


def test_text_encodings(run, lab_file):
    text = f"Grüße {token()}: 5 €"
    result = run(CLIENT, "python3", lab_file("text_encodings.py"), "--text", text).check()
    for codec in ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "cp1252"]:
        data = text.encode(codec)
        assert f"encode {codec:<10} {len(data):3} bytes: {data.hex(' ')}" in result.stdout
    assert text.encode("utf-16")[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert f"{text.encode('utf-16').hex(' ')}  (starts with a BOM)" in result.stdout
    assert f"decode latin-1    {text.encode().decode('latin-1')!r}" in result.stdout
    boms = run(CLIENT, "python3", lab_file("text_encodings.py"), "--hex",
               "fe ff 00 48 00 69").check()
    assert "decode utf-16     'Hi'" in boms.stdout, boms.stdout


def test_large_array_with_recv_into(run, serve, capture, lab_file, topology):
    port, count = 5002, 300_000
    order = b"<" if run(CLIENT, "python3", "-c", "import sys; print(sys.byteorder)"
                        ).check().stdout.strip() == "little" else b">"
    with serve(SERVER, "python3", lab_file("bigarray.py"), "server", "--port", str(port),
               port=port) as server:
        with capture("isp", facing="modemA", filter=f"tcp port {port}") as cap:
            result = run(CLIENT, "python3", lab_file("bigarray.py"), "client", SERVER,
                         "--count", str(count), "--port", str(port)).check()
        log = server.output()
    assert "matches" in result.stdout, result.stdout
    sent = stream(cap.packets, nat(topology), port)
    assert sent[:9] == struct.pack("!Qc", count, order), f"header {sent[:9].hex(' ')}"
    assert len(sent) == 9 + 8 * count
    (total,) = struct.unpack("!d", stream(cap.packets, server_ip(topology), port))
    assert total == sum(i * 0.5 for i in range(count))
    calls = re.search(rf"{count} doubles .* in (\d+) recv_into calls", log)
    assert calls and int(calls[1]) > 1, f"server log: {log}"


def test_example_client_errors_are_one_line(run, lab_file):
    not_listening(run, SERVER, 5099)
    result = run(CLIENT, "python3", lab_file("framing.py"), "client", SERVER, "--port", "5099",
                 "x")
    clean_failure(result, "framing.py client, nothing listening on port 5099", "refused")


# --- Exercise 1: length-prefixed messages -----------------------------------------------------

@pytest.mark.exercise(1)
def test_lenframe_headers_on_the_wire(run, serve, capture, program, topology):
    port, texts = 5010, ["héllo", token()]
    sizes = [1, 1460, 70000, 1_000_000, 300]   # 1 MB: more than one send() takes at once
    with serve(SERVER, *program("lenframe.py"), "server", "--port", str(port), port=port):
        with capture("isp", facing="modemA", filter=f"tcp port {port}") as cap:
            result = run(CLIENT, *program("lenframe.py"), "client", SERVER, *texts,
                         "--sizes", ",".join(map(str, sizes)), "--port", str(port),
                         "--timeout", "5")
    assert result.status == 0, f"lenframe.py client {texts} --sizes {sizes} failed{shown(result)}"
    sent = frames(stream(cap.packets, nat(topology), port))
    lengths = [len(f) for f in sent]
    expected = [len(t.encode()) for t in texts] + sizes + [0]
    assert lengths == expected, f"frames on the wire have lengths {lengths}, not {expected}"
    assert sent[:2] == [t.encode() for t in texts], "the payloads should be the texts, in UTF-8"
    replies = frames(stream(cap.packets, server_ip(topology), port))
    assert [r.decode() for r in replies] == [digest_line(p) for p in sent[:-1]], \
        "the server's framed replies do not describe the messages on the wire"
    lines = [f"sent {len(p)} bytes; server: {digest_line(p)} (matches)" for p in sent[:-1]]
    assert result.stdout.splitlines() == lines, f"the client should print {lines}{shown(result)}"


@pytest.mark.exercise(1)
def test_lenframe_server_survives_awkward_clients(run, serve, capture, program, lab_file,
                                                  topology):
    port, payload = 5011, token()
    with serve(SERVER, *program("lenframe.py"), "server", "--port", str(port),
               port=port) as server:
        with capture("isp", facing="modemA", filter=f"tcp port {port}") as cap:
            result = run(CLIENT, "python3", lab_file("awkward_peer.py"), "client", SERVER,
                         "--port", str(port), "--payload", payload)
        alive, log = server.alive(), server.output()
    context = f"\n--- awkward_peer.py client printed:\n{result.stdout}{result.stderr}" \
              f"--- your lenframe.py server printed:\n{log}"
    assert result.status == 0, f"the awkward client itself failed{context}"
    outcomes = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    for case in ("header-cut", "payload-cut"):
        assert outcomes.get(case) == "0 bytes back, then the server closed", \
            f"{case}: a client closed in the middle of a message; the server must close " \
            f"that connection without a reply{context}"
    assert alive and "Traceback" not in log, \
        f"the server must survive clients that close in the middle of a message{context}"
    dribbled = [pair for pair in conversations(cap.packets, port).values()
                if len(pair[0]) > 3072]
    assert len(dribbled) == 1, f"no dribbled conversation in {cap.path}{context}"
    sent, replies = frames(dribbled[0][0]), frames(dribbled[0][1])
    assert sent[1:] == [payload.encode(), b""], f"the awkward client sent {sent[1:]}"
    assert [r.decode() for r in replies] == [digest_line(p) for p in sent[:-1]], \
        f"dribble: a frame in five writes, then a frame and the end marker in one; the " \
        f"server's replies {replies} do not describe them{context}"
    assert outcomes["dribble"] == f"{len(dribbled[0][1])} bytes back, then the server closed", \
        f"dribble: the server should close after the end marker{context}"


@pytest.mark.exercise(1)
def test_lenframe_client_reads_replies_in_pieces(run, serve, program, lab_file):
    port, lie, texts = 5012, token(), [token(), token()]
    client = [*program("lenframe.py"), "client", SERVER, *texts, "--port", str(port),
              "--timeout", "5"]
    with serve(SERVER, "python3", lab_file("awkward_peer.py"), "server", "--port", str(port),
               "--modes", "lie,cut", "--lie", lie, port=port):
        lied = run(CLIENT, *client)
        cut = run(CLIENT, *client)
    lines = [f"sent {len(t)} bytes; server: {len(t)} bytes, sha256 {lie} {n} (DOES NOT MATCH)"
             for n, t in enumerate(texts, 1)]
    assert lied.stdout.splitlines() == lines, "a server whose replies come in pieces, and do " \
        f"not match: the client should print each reply as it came: {lines}{shown(lied)}"
    clean_failure(lied, "lenframe.py client, replies that do not match",
                  "some replies did not match")
    clean_failure(cut, "lenframe.py client, a server that closed in the middle of a reply",
                  "in the middle of a message")


# --- Exercise 2: errors a client must handle --------------------------------------------------

@pytest.mark.exercise(2)
def test_fetch_reads_until_the_servers_fin(run, serve, capture, lab_file, program, topology):
    port, request = 5020, token()
    with serve(SERVER, "python3", lab_file("trouble_server.py"), "--mode", "ok",
               "--port", str(port), port=port):
        with capture("isp", facing="modemA", filter=f"tcp port {port}") as cap:
            result = run(CLIENT, *program("fetch.py"), SERVER, str(port), "--request", request)
    what = f"fetch.py {SERVER} {port} --request {request} (trouble_server.py --mode ok)"
    assert result.status == 0, f"{what} failed{shown(result)}"
    answer = stream(cap.packets, server_ip(topology), port)
    assert len(answer) > 10_000 and request.encode() in answer, f"the server sent {answer[:80]}"
    assert result.stdout == answer.decode(), f"{what}: the server sent {len(answer)} bytes in " \
        f"two writes, a moment apart; the output ({len(result.stdout)} characters) should be " \
        "exactly those bytes"
    server_fin, server_fin_time = fin_offset(cap.packets, server_ip(topology), port)
    assert server_fin == len(answer), "the server's FIN should come after its last byte"
    _, client_fin_time = fin_offset(cap.packets, nat(topology), port)
    assert server_fin_time <= client_fin_time, "the client closed before the server's FIN"


@pytest.mark.exercise(2)
@pytest.mark.parametrize("case", ["name", "refused", "reset", "timeout"])
def test_fetch_reports_errors_in_one_line(run, serve, capture, lab_file, program, topology,
                                          case):
    ports = {"name": 5020, "refused": 5099, "reset": 5021, "timeout": 5022}
    # Not the default timeout (5), and not always the same: the line must say the one given.
    port, host, timeout = ports[case], SERVER, random.choice(["1.3", "1.4", "1.6"])
    modes = {"reset": "reset", "timeout": "silent"}
    if case == "name":
        host = f"no-such-{token()}.example.com"
    if case == "refused":
        not_listening(run, SERVER, port)
    where = ("isp", "backbone", "udp port 53") if case == "name" else \
        ("isp", "modemA", f"tcp port {port}")

    def attempt():
        with capture(where[0], facing=where[1], filter=where[2]) as cap:
            result = run(CLIENT, *program("fetch.py"), host, str(port), "--timeout", timeout,
                         timeout=10)
        return cap, result

    if case in modes:
        with serve(SERVER, "python3", lab_file("trouble_server.py"), "--mode", modes[case],
                   "--port", str(port), port=port):
            cap, result = attempt()
    else:
        cap, result = attempt()
    words = {"name": [host], "refused": ["refused"], "reset": ["reset"],
             "timeout": ["timed out", timeout]}[case]
    what = f"fetch.py {host} {port} --timeout {timeout} ({case})"
    line = clean_failure(result, what, *words).lower()
    for other in {"refused", "reset", "timed out"} - set(words):
        assert other not in line, f"{what}: the line says {other!r}, which is another case" \
            f"{shown(result)}"
    assert not result.stdout.strip(), f"{what}: nothing should be printed on stdout" \
        f"{shown(result)}"
    ours, theirs = nat(topology), server_ip(topology)
    from_server = [p for p in cap.packets if p.src == theirs and p.proto == "tcp"]
    if case == "name":
        nx = [m for m in (dpkt.dns.DNS(p.payload) for p in cap.packets if p.sport == 53)
              if m.qd and m.qd[0].name.lower() == host.lower() and m.rcode == 3]
        assert nx, "no NXDOMAIN answer for the name crossed isp"
    elif case == "refused":
        assert any("R" in p.flags for p in from_server), "no RST answered the SYN"
        assert not any(p.payload for p in cap.packets), "no data can flow on a refused port"
    elif case == "reset":
        request = stream(cap.packets, ours, port)
        assert request, "the client should have sent its request"
        assert any("R" in p.flags for p in from_server), "the server's RST was not seen"
        assert not any("F" in p.flags for p in from_server), "a RST, not a FIN, ends this one"
    else:
        sent = [p.time for p in cap.packets if p.src == ours and p.payload]
        _, gave_up = fin_offset(cap.packets, ours, port)
        assert not any(set(p.flags) & {"F", "R"} for p in from_server if p.time < gave_up), \
            "the silent server closed first: that is not a timeout"
        assert sent and gave_up - sent[0] >= float(timeout) * 0.9, \
            "the client gave up before its timeout"
