"""Grader for chapter NN: what the programs print, and the packets on the wire."""
import pytest

from playground.grading import handshake, stream, token

PORT = NN010


@pytest.mark.exercise(1)
def test_echo_client_reads_every_byte(run, serve, program, lab_file, capture, topology):
    words = [token(), token()]   # fresh each run: no table of answers can know them
    client = str(topology["modemA"].interface("wan").ip)   # h1, as www sees it after NAT
    server = str(topology["www"].address)
    with serve("www", "python3", lab_file("echo_server.py"), port=PORT):
        with capture("example", facing="www", filter=f"tcp port {PORT}") as cap:
            result = run("h1", *program("echo_client.py"), "www", *words)
    assert result.status == 0 and result.stdout.strip() == " ".join(words), result.stderr
    handshake(cap.packets, client, server, PORT)
    assert stream(cap.packets, server, PORT) == (" ".join(words) + "\n").encode()
