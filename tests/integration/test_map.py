"""The live map in a real headless Chromium: the page draws the playground, a filter typed in it
starts the capture on the routers, and a DNS lookup from h1 shows up hop by hop, in order, with
h1's private address before modemA and the modem's address after it."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from playground import lifecycle, pcap
from playground.engine import client, container, exec_, put_file
from playground.grading import wait_until
from playground.mapbench import map_server
from playground.project import ROOT

# DNS from a source port of our own, which the modem's NAT keeps: other tests' lookups (from
# h1-h3 too, the same address beyond the modem) stay out of the page's list.
PORT = 53123
LOOKUP_FILTER = f"udp port 53 and port {PORT}"
QUERY_PATH = ["h1 \u2192 modemA", "modemA \u2192 isp", "isp \u2192 backbone"]
ANSWER_PATH = ["backbone \u2192 isp", "isp \u2192 modemA", "modemA \u2192 h1"]


def lookup_from_h1(run):
    return run("h1", "dig", "-4", "-b", f"0.0.0.0#{PORT}", "www.example.com").check()


@pytest.fixture
def live_map():
    """`playground map` on a free port, as a user starts it; stopped with Ctrl-C afterwards."""
    with map_server() as (port, _):
        yield f"http://127.0.0.1:{port}/"


@pytest.fixture
def page(browser, live_map):
    page = browser.new_page(viewport={"width": 1500, "height": 850})
    page.goto(live_map)
    page.wait_for_function("window.cy && cy.nodes('.router').length > 0")
    yield page
    page.close()


def watch(page, bpf: str) -> None:
    page.fill("#filter", bpf)
    page.click("#apply")
    page.wait_for_selector(f"#capture.on:has-text('capturing: {bpf}')", timeout=20000)


def rows(page) -> list[tuple[str, str, str]]:
    """The side list: (hop, seen on, summary) of every packet, in the page's order."""
    return [tuple(r) for r in page.eval_on_selector_all(
        "#packets tbody tr", "rows => rows.map(r => [r.cells[1].textContent, "
        "r.cells[2].textContent, r.cells[3].textContent])")]


def of_query(page, query: str) -> list[tuple[str, str, str]]:
    return [r for r in rows(page) if f" {query} " in r[2]]


def test_the_page_draws_compose_yaml(page, topology):
    hosts = page.evaluate("cy.nodes().not('.lan, .packet').map(n => n.id())")
    assert sorted(hosts) == sorted(topology.names)
    assert page.evaluate("cy.getElementById('modemA').hasClass('nat')")
    assert "NAT" in page.evaluate("cy.getElementById('modemA').data('label')")
    assert page.evaluate("cy.getElementById('modemA--isp').data('source_label')")\
        .startswith("wan 10.25.1.65")
    assert page.evaluate("cy.getElementById('isp--backbone').data('target_label')")\
        .startswith("isp 10.1.1.1")
    wait_until(lambda: page.evaluate("cy.getElementById('www').data('state')") == "ready",
               15, "www is shown ready")


def test_a_dns_lookup_from_h1_crosses_the_map_hop_by_hop(page, run, results_dir):
    watch(page, LOOKUP_FILTER)
    lookup = lookup_from_h1(run)
    query = "0x%04x" % int(re.search(r"id: (\d+)", lookup.stdout).group(1))   # dig's header
    seen = wait_until(lambda: len(hops := of_query(page, query)) >= 6 and hops, 30,
                      f"the six hops of DNS query {query} are listed")
    results_dir.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(results_dir / "map-dns-lookup.png"))
    assert [hop for hop, _, _ in seen] == QUERY_PATH + ANSWER_PATH, seen
    before, after = seen[0][2], seen[1][2]
    assert "192.168.1.11:" in before and "10.25.1.65:" not in before
    assert "10.25.1.65:" in after and "192.168.1.11" not in after
    assert "> 192.168.1.11:" in seen[-1][2] and "-> 10.130.1.4" in seen[-1][2]
    # The drawing: each link on the way carried the query and the answer.
    for edge in ["h1--home_a", "modemA--home_a", "modemA--isp", "isp--backbone"]:
        wait_until(lambda: (page.evaluate(f"cy.getElementById('{edge}').data('packets')")
                            or 0) >= 2, 15, f"{edge} drew the query and its answer")


def test_a_bad_filter_is_one_clear_line_in_the_page(page):
    page.fill("#filter", "udp prot 53")
    page.click("#apply")
    page.wait_for_selector("#capture.error", timeout=20000)
    assert "tcpdump refuses the filter" in page.text_content("#problem")


def test_capturing_stops_when_the_page_closes(page):
    bpf = "udp port 5399"   # ours alone, so other tests' captures do not count
    watch(page, bpf)
    tapped = lambda: exec_("modemA", "pgrep", "-f", bpf).stdout.split()   # noqa: E731
    assert tapped(), "no tcpdump on modemA while the page watches"
    page.close()
    wait_until(lambda: not tapped(), 15, "no tcpdump runs on modemA with no page open")


def test_record_save_as_pcap_and_replay(page, run):
    watch(page, LOOKUP_FILTER)
    page.click("#record")
    page.wait_for_selector("#tape-state:has-text('recording')")
    lookup = lookup_from_h1(run)
    query = "0x%04x" % int(re.search(r"id: (\d+)", lookup.stdout).group(1))
    wait_until(lambda: len(of_query(page, query)) >= 6, 30, f"DNS query {query} is listed")
    page.click("#stop-record")
    page.wait_for_selector("#saved:not([hidden])", timeout=20000)
    folder = Path(re.search(r"saved in (\S+)", page.text_content("#tape-state")).group(1))
    # Files libpcap reads (tcpdump -r, as Wireshark would open them), one per link.
    put_file("modemA", "/tmp/map-test.pcap", (folder / "modemA-lan.pcap").read_bytes())
    inside = exec_("modemA", "tcpdump", "-nr", "/tmp/map-test.pcap").stdout
    exec_("modemA", "rm", "/tmp/map-test.pcap")
    assert "192.168.1.11." in inside and "10.25.1.65" not in inside
    assert [p.src for p in pcap.read(folder / "modemA-wan.pcap")].count("10.25.1.65") >= 1
    zipped = page.evaluate("fetch(document.getElementById('saved').href)"
                           ".then(r => r.arrayBuffer()).then(b => b.byteLength)")
    assert zipped > 0
    # Step through the tape: the list marks the packet drawn.
    page.click("#forward")
    page.wait_for_selector("#tape-state:has-text('packet 1 of')")
    page.click("#forward")
    page.click("#back")
    page.wait_for_selector("#tape-state:has-text('packet 1 of')")
    assert page.locator("tr.current").count() == 1
    total = int(re.search(r"of (\d+)", page.text_content("#tape-state")).group(1))
    assert total >= 6
    page.select_option("#speed", "1")
    page.click("#replay")
    page.wait_for_selector(f"#tape-state:has-text('packet {total} of {total}')",
                           timeout=total * 1000 + 5000)


def listeners(port: int) -> list[str]:
    """The local addresses listening on TCP port, from the kernel's socket tables."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, at = fields[1].split(":")
            if fields[3] == "0A" and int(at, 16) == port:   # 0A: LISTEN
                found.append(address)
    return found


def test_the_map_listens_on_loopback_only_and_a_busy_port_is_one_line(live_map):
    port = int(live_map.rsplit(":", 1)[1].strip("/"))
    assert listeners(port) == ["0100007F"]   # 127.0.0.1 alone, as the kernel writes it
    busy = subprocess.run([sys.executable, "-m", "playground", "map", "--port", str(port)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert busy.returncode != 0
    assert busy.stderr.strip() == (f"playground: cannot listen on 127.0.0.1:{port}: the port "
                                   "is in use; choose another with --port")


def test_a_capture_that_dies_is_said_in_the_page(page):
    bpf = "udp port 5398"   # ours alone, as above
    watch(page, bpf)
    exec_("modemA", "pkill", "-f", bpf)   # as when the router restarts under the page
    page.wait_for_selector("#capture.error", timeout=20000)
    assert "the capture on modemA" in page.text_content("#problem")
    assert "press Watch again" in page.text_content("#problem")


@pytest.mark.recreates_hosts
def test_readiness_follows_a_host_that_stops_and_starts(page, topology):
    state = lambda: page.evaluate("cy.getElementById('ftp').data('state')")   # noqa: E731
    wait_until(lambda: state() == "ready", 15, "ftp is shown ready")
    ftp = client().containers.get(container("ftp"))
    try:
        ftp.stop(timeout=1)
        wait_until(lambda: state() == "exited", 15, "a stopped ftp is shown stopped")
    finally:
        ftp.start()
        lifecycle.wait_ready(topology, timeout=60)
    wait_until(lambda: state() == "ready", 15, "ftp is shown ready again")
