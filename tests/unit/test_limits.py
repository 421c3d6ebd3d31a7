"""Every host is limited and restarts by itself, as compose.yaml declares once (x-host), and
the reader refuses limits it cannot understand."""
import copy

import pytest

from playground import diagram
from playground.project import ROOT
from playground.topology import Limits, Topology, TopologyError

topo = Topology()


def test_every_host_is_limited_and_comes_back_after_an_engine_restart():
    for name, host in topo.hosts.items():
        assert host.limits and host.limits.pids > 0 and host.limits.cpus > 0, name
        assert topo.compose["services"][name]["restart"] == "unless-stopped", name
        svc = topo.compose["services"][name]
        assert svc["memswap_limit"] == svc["mem_limit"], f"{name} may swap instead of stopping"


def test_chromium_host_has_more_memory_than_the_rest():
    assert topo["h1"].limits.memory > topo["h2"].limits.memory >= 256 * 2**20


def test_readme_states_the_limits_compose_yaml_declares():
    assert diagram.limits_table(topo) in (ROOT / "README.md").read_text()


@pytest.mark.parametrize("text, size", [("512m", 512 * 2**20), ("1g", 2**30), ("1GB", 2**30),
                                        ("1.5g", 3 * 2**29), (65536, 65536)])
def test_memory_sizes_read_as_compose_reads_them(text, size):
    assert _with("www", mem_limit=text)["www"].limits == Limits(512, size, 1.0)


@pytest.mark.parametrize("change, message", [
    ({"mem_limit": "lots"}, "service www: mem_limit: 'lots' is not a size like 512m or 1g"),
    ({"mem_limit": "0m"}, "service www: mem_limit: '0m' is not a size"),
    ({"pids_limit": "many"}, "service www: pids_limit: 'many' is not a positive whole number"),
    ({"pids_limit": 0}, "service www: pids_limit: 0 is not a positive whole number"),
    ({"cpus": -1}, "service www: cpus: -1 is not a positive number of cores"),
    ({"mem_limit": None}, "service www: no 'mem_limit' (a limited host needs all of"),
])
def test_a_typo_in_a_limit_is_one_line_naming_the_service_and_key(change, message):
    with pytest.raises(TopologyError) as err:
        _with("www", **change)
    assert str(err.value).startswith("compose.yaml: " + message)
    assert "\n" not in str(err.value)


def _with(name, **change) -> Topology:
    """The checkout's topology with some keys of one service changed (None removes it)."""
    compose = copy.deepcopy(topo.compose)
    svc = compose["services"][name]
    for key, value in change.items():
        svc.pop(key) if value is None else svc.__setitem__(key, value)
    return Topology(compose)
