"""The lab-wide known_hosts that up writes into every host, from the topology alone."""
from pathlib import Path

from playground.lifecycle import known_hosts
from playground.topology import Topology, load

small = load(Path(__file__).parent / "topologies" / "small.yaml")


def entries(text):
    return {tuple(line.split(" ", 1)) for line in text.splitlines()}


def test_each_host_under_its_names_and_addresses():
    keys = {h: ["ssh-ed25519", f"KEY-{h}"] for h in small.names}
    assert entries(known_hosts(small, keys)) == {
        ("192.168.1.11,pc", "ssh-ed25519 KEY-pc"),
        ("10.0.0.2,192.168.1.1,modem", "ssh-ed25519 KEY-modem"),
        ("10.0.0.1,10.9.0.1,router", "ssh-ed25519 KEY-router"),
        ("10.9.0.4,web,web.example.com", "ssh-ed25519 KEY-web")}


def test_a_shared_address_and_aliases_in_the_playground():
    topo = Topology()
    keys = {h: ["ssh-ed25519", f"KEY-{h}"] for h in topo.names}
    text = known_hosts(topo, keys)
    shared = [line for line in text.splitlines() if "192.168.1.1," in line]
    assert len(shared) == 2 and all(",modem," in line for line in shared)
    mail = next(line for line in text.splitlines() if line.endswith("KEY-mail"))
    assert {"mail", "mail.example.com", "smtp.example.com", "mx2.example.com",
            "10.130.1.3"} <= set(mail.split()[0].split(","))
