"""Import a script of the images (zonegen.py) as a module, for unit tests."""
import importlib.util
import sys

from playground.project import ROOT


def load(relative_path: str):
    name = relative_path.rsplit("/", 1)[-1].removesuffix(".py")
    spec = importlib.util.spec_from_file_location(name, ROOT / relative_path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module   # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module
