"""The README's picture is the one drawn from compose.yaml, not a hand-made copy."""
from playground import diagram
from playground.project import ROOT
from playground.topology import Topology


def test_readme_embeds_the_generated_diagram():
    assert diagram.mermaid(Topology()) in (ROOT / "README.md").read_text()
