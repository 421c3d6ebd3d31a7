"""The scripts' promises on bad input: one clear line, a non-zero exit, nothing started."""
import os
import subprocess
import sys

import pytest

from playground.project import ROOT

SCRIPTS = ["up", "down", "status", "shell", "capture", "bench", "test", "lint", "diagram", "map"]


def playground(*args, env=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "playground", *args], capture_output=True,
                          text=True, env=env, timeout=60)


def one_line_error(result, *words):
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("playground: "), result.stderr
    for word in words:
        assert word in lines[0]


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_script_has_help(script):
    result = subprocess.run([str(ROOT / "scripts" / script), "--help"], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0 and "usage" in result.stdout.lower()


def test_map_refuses_a_port_out_of_range():
    one_line_error(playground("map", "--port", "70000"), "--port 70000")


def test_unknown_host_lists_the_real_ones():
    one_line_error(playground("shell", "h9"), "h9", "h1, h2")


def test_docker_not_installed(tmp_path):
    one_line_error(playground("status", env={"PATH": str(tmp_path)}), "not installed")


def test_docker_not_running(tmp_path):
    env = {"DOCKER_HOST": f"unix://{tmp_path}/no.sock"}
    one_line_error(playground("up", env=env), "not running")


def test_compose_v1_only(tmp_path):
    # A docker CLI whose engine answers but which has no compose plugin.
    fake = tmp_path / "docker"
    fake.write_text('#!/bin/sh\n[ "$1" = info ] && { echo 20.10.24; exit 0; }\n'
                    'echo "docker: unknown command: docker $1" >&2; exit 1\n')
    fake.chmod(0o755)
    (tmp_path / "docker-compose").symlink_to(fake)
    one_line_error(playground("up", env={"PATH": f"{tmp_path}:/usr/bin:/bin"}),
                   "Compose v2", "v1")


def test_a_typo_in_compose_yaml_is_one_line_before_anything_starts(tmp_path):
    text = (ROOT / "compose.yaml").read_text()
    broken = text.replace("eth0: {net: server_room, address: 10.130.1.3/24",
                          "eth0: {net: server_room, adress: 10.130.1.3/24")
    assert broken != text
    (tmp_path / "compose.yaml").write_text(broken)
    one_line_error(playground("up", env={"PLAYGROUND_ROOT": str(tmp_path)}),
                   "compose.yaml: service mail: x-lab.interfaces.eth0: unknown key 'adress'")


def test_an_unknown_verb_lists_the_verbs():
    one_line_error(playground("upp"), "no verb 'upp'", "up, down, status")
