"""The grading library's pure parts: verdicts on program results and TCP/TLS from packets."""
from types import SimpleNamespace as Packet

import pytest

from playground.grading import clean_failure, conversations, stream, tls_records
from playground.run import Result


def result(status=1, stderr="prog: refused\n", timed_out=False):
    return Result(status, "", stderr, timed_out)


def test_clean_failure_accepts_one_line_with_the_words():
    assert clean_failure(result(stderr="prog: connection reset\n"), "x",
                         ("reset", "broken pipe")) == "prog: connection reset"


@pytest.mark.parametrize("bad, words, why", [
    (result(status=0), (), "exit status"),
    (result(timed_out=True, status=124), (), "hung"),
    (result(stderr="Traceback (most recent call last):\n  ...\nOSError\n"), (), "traceback"),
    (result(stderr="prog: one\nprog: two\n"), (), "one line"),
    (result(stderr=""), (), "one line"),
    (result(stderr="prog: refused\n"), ("timeout",), "should say 'timeout'"),
])
def test_clean_failure_names_what_is_wrong(bad, words, why):
    with pytest.raises(AssertionError, match=why):
        clean_failure(bad, "x", *words)


def seg(src, sport, dport, seq, payload=b"", flags="A"):
    return Packet(proto="tcp", src=src, sport=sport, dport=dport, seq=seq, payload=payload,
                  flags=flags)


def test_stream_reassembles_out_of_order_and_retransmitted_segments():
    packets = [seg("c", 5000, 80, 99, flags="S"), seg("c", 5000, 80, 106, b"world"),
               seg("c", 5000, 80, 100, b"hello "), seg("c", 5000, 80, 100, b"hello ")]
    assert stream(packets, "c", 80) == b"hello world"
    assert conversations(packets, 80) == {5000: (b"hello world", b"")}


def test_stream_fails_on_a_gap_in_the_capture():
    packets = [seg("c", 5000, 80, 99, flags="S"), seg("c", 5000, 80, 110, b"late")]
    with pytest.raises(AssertionError, match="missed bytes"):
        stream(packets, "c", 80)


def test_tls_records_stop_where_the_record_layer_ends():
    data = bytes([22, 3, 1, 0, 2, 1, 2]) + bytes([23, 3, 3, 0, 1, 9]) + b"GET /"
    assert tls_records(data) == [(22, b"\x01\x02"), (23, b"\x09")]
