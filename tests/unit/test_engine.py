"""Finding the engine as the docker CLI does, the exec stream, and the second-checkout rule:
all without an engine."""
import hashlib
import json
import struct
import sys

import pytest

from playground import engine, lifecycle
from playground.engine import PlaygroundError


@pytest.fixture
def config(tmp_path):
    """A docker config folder; context(name, host) adds a context as `docker context create`
    would, current=... makes config.json name the current one."""
    folder = tmp_path / "docker-config"
    folder.mkdir()

    def context(name, host):
        meta = folder / "contexts" / "meta" / hashlib.sha256(name.encode()).hexdigest()
        meta.mkdir(parents=True)
        (meta / "meta.json").write_text(json.dumps(
            {"Name": name, "Metadata": {}, "Endpoints": {"docker": {"Host": host}}}))

    def current(name):
        (folder / "config.json").write_text(json.dumps({"auths": {}, "currentContext": name}))
    context.current = current
    context.folder = folder
    return context


def test_docker_host_wins_over_any_context(config):
    config("desktop-linux", "unix:///desktop.sock")
    config.current("desktop-linux")
    env = {"DOCKER_HOST": "tcp://10.0.0.5:2375", "DOCKER_CONTEXT": "desktop-linux",
           "DOCKER_CONFIG": str(config.folder)}
    assert engine.engine_url(env) == "tcp://10.0.0.5:2375"


def test_the_current_context_of_config_json_in_docker_config(config):
    config("desktop-linux", "unix:///Users/me/.docker/run/docker.sock")
    config.current("desktop-linux")
    assert engine.engine_url({"DOCKER_CONFIG": str(config.folder)}) == \
        "unix:///Users/me/.docker/run/docker.sock"


def test_docker_context_wins_over_the_current_context(config):
    config("desktop-linux", "unix:///desktop.sock")
    config("remote", "ssh://me@build-box")
    config.current("desktop-linux")
    env = {"DOCKER_CONTEXT": "remote", "DOCKER_CONFIG": str(config.folder)}
    assert engine.engine_url(env) == "ssh://me@build-box"


def test_the_config_folder_defaults_to_home(tmp_path):
    home = tmp_path / "home"
    (home / ".docker").mkdir(parents=True)
    (home / ".docker" / "config.json").write_text('{"currentContext": "colima"}')
    meta = home / ".docker" / "contexts" / "meta" / hashlib.sha256(b"colima").hexdigest()
    meta.mkdir(parents=True)
    (meta / "meta.json").write_text('{"Endpoints": {"docker": {"Host": "unix:///colima.sock"}}}')
    assert engine.engine_url({"HOME": str(home)}) == "unix:///colima.sock"


@pytest.mark.parametrize("setup", ["nothing", "default", "no-current", "unreadable"])
def test_otherwise_the_default_socket(config, setup):
    if setup == "default":
        config.current("default")
    elif setup == "no-current":
        (config.folder / "config.json").write_text('{"auths": {}}')
    elif setup == "unreadable":
        (config.folder / "config.json").write_text("{not json")
    assert engine.engine_url({"DOCKER_CONFIG": str(config.folder)}) is None


def test_a_context_without_endpoint_is_one_line_saying_what_to_do(config):
    config.current("gone")
    with pytest.raises(PlaygroundError, match="context 'gone' .*docker context use") as err:
        engine.engine_url({"DOCKER_CONFIG": str(config.folder)})
    assert "\n" not in str(err.value)


def test_no_sdk_is_one_line_saying_what_to_do(monkeypatch):
    monkeypatch.setitem(sys.modules, "docker", None)   # import docker now fails
    with pytest.raises(PlaygroundError, match="SDK for Python is not installed.*requirements"):
        engine.image_exists("playground-base")


def test_the_exec_stream_is_split_into_stdout_and_stderr():
    def frame(kind, data):
        return struct.pack(">BxxxL", kind, len(data)) + data
    stream = frame(1, b"out 1\n") + frame(2, b"err\n") + frame(1, b"out 2\n") + frame(1, b"")
    assert engine._demux(stream) == (b"out 1\nout 2\n", b"err\n")
    assert engine._demux(b"") == (b"", b"")


def running(folder, state="running", project="playground"):
    return {"project": project, "folder": folder, "state": state}


def test_up_refuses_the_running_playground_of_another_checkout(tmp_path):
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    state = {"h1": running(str(theirs)), "h2": running(str(theirs))}
    problem = lifecycle.other_checkout(state, mine)
    assert f"belongs to the checkout in {theirs}" in problem
    assert "./scripts/down there first, or work in that checkout" in problem


@pytest.mark.parametrize("state", [
    {},                                                  # nothing runs
    {"h1": "MINE"},                                      # ours: up is a no-op or repairs it
    {"h1": running("THEIRS", state="exited")},           # stopped: nothing to take over
    {"web": running("THEIRS", project="shop")},          # another compose project
    {"h1": running("")},                                 # not started by compose
])
def test_up_goes_on_otherwise(tmp_path, state):
    mine = tmp_path / "mine"
    state = {name: running(str(mine)) if info == "MINE" else
             {**info, "folder": info["folder"].replace("THEIRS", str(tmp_path / "theirs"))}
             for name, info in state.items()}
    assert lifecycle.other_checkout(state, mine) is None


def test_the_same_checkout_through_a_symlink_is_the_same(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert lifecycle.other_checkout({"h1": running(str(tmp_path / "link"))},
                                    tmp_path / "real") is None
