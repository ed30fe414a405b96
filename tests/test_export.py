"""kg.export: every format round-trips (networkx / rdflib read it back with the same counts), the
HTML page is offline and inert, the panel CSV has one row per jurisdiction × programme."""
from __future__ import annotations

import csv
import re

import networkx as nx
import pytest

from kg.errors import ExportError, ParameterError
from kg.export import EXPORTERS, export, write_demo_page
from kg.export.html import render
from network_fixtures import fixture_graph, fixture_store, network_trig  # noqa: F401

REMOTE = re.compile(r"""\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)


def test_every_contract_format_has_an_exporter():
    assert set(EXPORTERS) >= {"html", "graphml", "gexf", "csv", "ttl", "trig", "nq", "jsonld", "panel"}


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_formats_round_trip(fixture_store, fixture_graph, tmp_path, fmt, reader):
    path = export(fixture_store, fmt, tmp_path / f"kg.{fmt}")
    back = reader(path)
    assert (back.number_of_nodes(), back.number_of_edges()) == \
        (fixture_graph.number_of_nodes(), fixture_graph.number_of_edges())
    hostile = [d for _, d in back.nodes(data=True) if d.get("label", "").startswith("<img")]
    assert hostile and hostile[0]["label"] == "<img src=x onerror=alert(1)>"


def test_graphml_keeps_flattened_attributes(fixture_store, tmp_path):
    back = nx.read_graphml(export(fixture_store, "graphml", tmp_path / "kg.graphml"))
    node = back.nodes["https://w3id.org/govkg/id/programme/p2"]
    assert (node["years"], node["adopters"], node["type"]) == ("2022; 2023", 3, "programme")


def test_graph_export_honours_view_options(fixture_store, tmp_path):
    back = nx.read_graphml(export(fixture_store, "graphml", tmp_path / "f.graphml", focus="成都", depth=1))
    assert sorted(d["label"] for _, d in back.nodes(data=True)) == \
        ["四川省", "成都市", "成都市 2023 新闻报道", "最多跑一次", "证照分离"]


def _distinct_union_triples(store) -> int:
    return len(list(store.query("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }", use_default_graph_as_union=True)))


@pytest.mark.parametrize("fmt, rdflib_format", [("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")])
def test_quad_formats_keep_every_named_graph(fixture_store, tmp_path, fmt, rdflib_format):
    import rdflib
    path = export(fixture_store, fmt, tmp_path / f"kg.{fmt}")
    dataset = rdflib.Dataset()
    dataset.parse(path, format=rdflib_format)
    quads = [q for q in dataset.quads((None, None, None, None)) if q[3] is not None]
    assert len(quads) == len(fixture_store)
    graphs = {str(q[3]) for q in quads}
    assert graphs == {f"https://w3id.org/govkg/id/report/r{i}" for i in range(1, 5)} | \
        {f"https://w3id.org/govkg/graph/{g}" for g in ("thesaurus", "places", "programmes", "documents",
                                                      "concepts", "builds")}


def test_turtle_holds_the_union(fixture_store, tmp_path):
    import rdflib
    graph = rdflib.Graph().parse(export(fixture_store, "ttl", tmp_path / "kg.ttl"), format="turtle")
    assert len(graph) == _distinct_union_triples(fixture_store) < len(fixture_store)


def test_html_is_self_contained_and_escapes_report_text(fixture_store, tmp_path):
    html = export(fixture_store, "html", tmp_path / "g.html", color_by="province").read_text(encoding="utf-8")
    assert not REMOTE.search(html)
    assert "<script src" not in html and "<link" not in html
    assert "vis.Network" in html and "new vis.DataSet" in html       # vis-network inlined
    assert "<img src=x" not in html and "<script>alert(2)" not in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html           # still there, as JSON text


def test_html_big_graph_has_python_layout_and_no_physics():
    g = nx.MultiDiGraph()
    for i in range(1600):
        g.add_node(i, label=f"n{i}", type="programme" if i % 2 else "jurisdiction")
        if i:
            g.add_edge(i, i // 2, type="partOf")
    html = render(g)
    data = html[html.index("new vis.DataSet(") + 16: html.index(");", html.index("new vis.DataSet("))]
    assert data.count('"x":') == 1600 and '"physics": {"enabled": false' in html


def test_html_cap_says_what_was_left_out(fixture_graph):
    html = render(fixture_graph, max_nodes=10)
    assert "best-connected of 23 nodes (13 left out)" in html
    assert html.count('"fullLabel"') == 10


def test_panel_csv_one_row_per_pair_with_first_year(fixture_store, tmp_path):
    path = export(fixture_store, "csv", tmp_path / "panel.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 9
    row = next(r for r in rows if r["jurisdiction"] == "太原市小店区" and r["programme"] == "证照分离")
    assert row == {"jurisdiction": "太原市小店区", "adcode": "140105", "parent": "太原市", "programme": "证照分离",
                   "type": "reform", "first_year": "2022", "status": "",
                   "report": "太原市小店区 2023 法治政府建设情况报告"}
    zone = next(r for r in rows if r["jurisdiction"] == "太原经济技术开发区" and r["programme"] == "企业安静期")
    assert (zone["adcode"], zone["parent"], zone["status"]) == ("", "太原市", "rollout")


@pytest.mark.parametrize("fmt, options, message", [
    ("pdf", {}, "unknown export format"),
    ("ttl", {"focus": "成都"}, "--focus: ttl exports the whole store"),
    ("graphml", {"color_by": "province"}, "--color-by: applies to the html export only"),
    ("html", {"color_by": "colour"}, "--color-by: expected"),
])
def test_bad_export_requests_raise_export_error(fixture_store, tmp_path, fmt, options, message):
    with pytest.raises(ExportError, match=message):
        export(fixture_store, fmt, tmp_path / "out", **options)


def test_unknown_focus_is_a_parameter_error(fixture_store, tmp_path):
    with pytest.raises(ParameterError, match="--focus: no node named '火星'"):
        export(fixture_store, "html", tmp_path / "g.html", focus="火星")


def test_demo_page_colours_by_province(fixture_store, tmp_path):
    html = write_demo_page(fixture_store, tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "govkg demo network" in html and "浙江省" in html and not REMOTE.search(html)


def test_gexf_and_graphml_carry_years_for_gephis_timeline(fixture_store, tmp_path):
    import xml.etree.ElementTree as ET
    ns = {"g": "http://www.gexf.net/1.2draft"}
    root = ET.parse(export(fixture_store, "gexf", tmp_path / "t.gexf")).getroot()
    graph = root.find("g:graph", ns)
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "integer")
    nodes = {n.get("label"): n.get("start") for n in graph.iter("{http://www.gexf.net/1.2draft}node")}
    assert nodes["证照分离"] == "2022" and nodes["最多跑一次"] == "2022"   # first adoption year
    starts = sorted(e.get("start") for e in graph.iter("{http://www.gexf.net/1.2draft}edge") if e.get("start"))
    assert starts and set(starts) <= {"2022", "2023", "2024"}
    g = nx.read_graphml(export(fixture_store, "graphml", tmp_path / "t.graphml"))
    adopted = [d for *_, d in g.edges(data=True) if d.get("type") == "adopted"]
    assert adopted and all(d["start"] == d["year"] for d in adopted)
