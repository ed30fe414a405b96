"""Every export says where it came from (tool version, store, reports, dates) where its format has room."""
from __future__ import annotations

import re

import networkx as nx
import pytest

import kg
from kg.export import export
from network_fixtures import network_trig  # noqa: F401  (pytest fixture)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from kg.graph import KnowledgeGraph
    from tests_texts import write_panel_reports
    folder = write_panel_reports(tmp_path_factory.mktemp("prov-reports"))
    graph = KnowledgeGraph.open(tmp_path_factory.mktemp("prov") / "store")
    graph.build([folder])
    graph.close()
    return graph


def _line(text: str) -> str:
    match = re.search(r"govkg \S+ · store (\S+) · built \S+ · (\d+) reports · exported \S+", text)
    assert match, text[:400]
    return match.group(0)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "ttl", "trig", "nq", "html"])
def test_export_carries_provenance(built, tmp_path, fmt):
    path = built.export(fmt, tmp_path / f"out.{fmt}")
    text = path.read_text(encoding="utf-8")
    line = _line(text)
    assert f"govkg {kg.__version__} " in line and f"store {built.path.resolve()}" in line and "· 5 reports ·" in line
    if fmt == "graphml":
        assert _line(nx.read_graphml(path).graph["provenance"])
    elif fmt == "gexf":
        assert nx.read_gexf(path).number_of_nodes() > 0 and "<description>govkg" in text
    elif fmt in ("ttl", "trig", "nq"):
        import rdflib
        data = rdflib.Dataset()
        data.parse(path, format={"ttl": "turtle", "trig": "trig", "nq": "nquads"}[fmt])
        assert len(data) > 0 and text.startswith("# govkg ")


def test_a_networkx_graph_export_names_the_tool(tmp_path):
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", type="cites")
    path = export(g, "graphml", tmp_path / "g.graphml")
    assert nx.read_graphml(path).graph["provenance"].startswith(f"govkg {kg.__version__}")
