"""The lab framework's own promises: time limits, servers always stopped, captures, impairments."""
import os
import re

import pytest

from playground.engine import PlaygroundError, exec_

MARK = "playground-framework-test"   # in every command line we start, to find leftovers by


def leftovers(machine, host, pattern=MARK):
    """The command lines on host that contain pattern."""
    return [p.args for p in machine(host).process.filter() if pattern in p.args]


def test_a_program_gets_its_stdin_and_keeps_status_and_streams_apart(run, machine):
    result = run("h1", "sh", "-c", "cat; echo to stderr >&2; exit 3", stdin="to stdin\n")
    assert (result.status, result.stdout, result.stderr) == (3, "to stdin\n", "to stderr\n")
    assert not [f for f in machine("h1").file("/tmp").listdir() if "stdin" in f]


def test_a_host_that_is_not_there_is_one_line_saying_what_to_do():
    with pytest.raises(PlaygroundError, match="no-such-host.*is the playground up") as err:
        exec_("no-such-host", "true")
    assert "\n" not in str(err.value)


def test_a_hanging_program_is_killed_at_the_limit(run, machine):
    result = run("h1", "sh", "-c", f"sleep 30 # {MARK}", timeout=1)
    assert result.timed_out and result.status != 0
    assert leftovers(machine, "h1") == []


def test_a_server_and_its_children_are_always_stopped(serve, machine):
    code = f"import socket, subprocess; subprocess.Popen(['sh', '-c', 'sleep 60 # {MARK}']); " \
           "s = socket.socket(); s.bind(('', 9090)); s.listen(); print('up', flush=True); " \
           "s.accept()"
    with pytest.raises(RuntimeError, match="the test failed"):
        with serve("www", "python3", "-c", code, MARK, port=9090) as server:
            assert "up" in server.output()
            assert leftovers(machine, "www")
            raise RuntimeError("the test failed")
    assert leftovers(machine, "www") == []
    assert server.output().strip() == "up"   # still readable after the stop


def test_a_server_that_crashes_is_reported_with_its_output(serve):
    with pytest.raises(AssertionError, match="(?s)exited before listening.*no such luck"):
        with serve("www", "sh", "-c", f"echo no such luck; exit 3 # {MARK}", port=9091):
            pass


def test_capture_sees_the_handshake_and_keeps_the_pcap(run, capture, topology, machine):
    with capture("isp", facing="modemA", filter="tcp port 80") as cap:
        run("h1", "curl", "-sf", "-o", "/dev/null", "http://www.example.com/").check()
    flags = [p.flags for p in cap.packets if p.dport == 80][:2]
    assert flags == ["S", "A"] and cap.path.stat().st_size > 0
    assert {p.src for p in cap.packets if p.dport == 80} == \
        {str(topology["modemA"].interface("wan").ip)}
    assert leftovers(machine, "isp", f"-w /run/playground-{os.getpid()}-") == []   # tcpdump


def test_impairments_are_removed_afterwards(run, impair, machine):
    others = re.compile(rf"playground-(?!{os.getpid()}-)\d+-\d+-impair")

    def mangle():
        """isp's mangle rules, less those of other test runs impairing isp meanwhile."""
        return [r for r in machine("isp").iptables.rules("mangle") if not others.search(r)]
    before = mangle()
    with impair("isp", "backbone", loss=1.0, match="-p udp --dport 9092"):
        assert any("statistic" in rule for rule in mangle())
    with impair("isp", "backbone", rate="1mbit"):
        assert "tbf" in run("isp", "tc", "qdisc", "show", "dev", "backbone").stdout
    after = mangle()
    assert not any("statistic" in rule for rule in after)
    assert [r for r in before if r.startswith("-A ")] == [r for r in after if r.startswith("-A ")]
    assert "tbf" not in run("isp", "tc", "qdisc", "show", "dev", "backbone").stdout


def test_loss_really_drops_packets(run, impair, capture):
    with impair("isp", "backbone", loss=1.0, match="-p udp --dport 9093"), \
            capture("backbone", facing="isp", filter="udp port 9093") as cap:
        run("h1", "socat", "-u", "-", "UDP:10.130.1.4:9093", stdin="lost\n").check()
        run("h1", "ping", "-c", "1", "-W", "2", "10.130.1.4").check()   # ICMP still passes
    assert cap.packets == []


def test_delay_is_skipped_with_the_reason_where_netem_is_missing(run, impair):
    from playground.impair import has_netem
    if has_netem("isp"):
        with impair("isp", "backbone", delay="50ms"):
            out = run("h1", "ping", "-c", "1", "-W", "2", "10.130.1.4").check().stdout
        assert "time=5" in out
    else:
        with pytest.raises(pytest.skip.Exception, match="no netem"):
            with impair("isp", "backbone", delay="50ms"):
                pass


def test_serve_refuses_a_port_that_something_already_listens_on(serve):
    argv = ("python3", "-c", "import socket, time; s = socket.create_server(('', 9097)); "
            "time.sleep(60)")
    with serve("www", *argv, port=9097):
        with pytest.raises(AssertionError, match="already listens on tcp port 9097 on www"):
            with serve("www", *argv, port=9097):
                pass
