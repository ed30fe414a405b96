"""kg.network.graph / kg.network.views on the hand-written four-report fixture (Shanxi, Zhejiang, Sichuan)."""
from __future__ import annotations

from collections import Counter

import pytest

from kg.errors import ParameterError
from kg.network.graph import to_networkx
from kg.network.views import (bipartite, co_adoption, filter_jurisdiction, filter_programme,
                              filter_types, filter_year, find_node, focus)
from network_fixtures import fixture_graph, fixture_store, network_trig  # noqa: F401

PLACE = "https://w3id.org/govkg/id/place/"
PROG = "https://w3id.org/govkg/id/programme/"


def labels(g, type_=None):
    return sorted(d["label"] for _, d in g.nodes(data=True) if type_ in (None, d["type"]))


def test_node_and_edge_types_are_counted_from_the_union_of_graphs(fixture_graph):
    nodes = Counter(t for _, t in fixture_graph.nodes(data="type"))
    edges = Counter(t for *_, t in fixture_graph.edges(data="type"))
    assert nodes == {"jurisdiction": 9, "programme": 5, "document": 2, "outcome": 3, "report": 4}
    assert edges == {"adopted": 10, "partOf": 6, "cites": 4, "reports_on": 4, "measures": 2,
                     "about": 3, "issued_by": 1}


def test_programme_attributes_merge_reports(fixture_graph):
    p = fixture_graph.nodes[PROG + "p2"]
    assert (p["label"], p["programme_type"], p["adopters"], p["years"]) == ("证照分离", "reform", 3, [2022, 2023])
    p1 = fixture_graph.nodes[PROG + "p1"]
    assert p1["aliases"] == ["企业安静期制度", "安静期"]  # report + thesaurus
    assert "河长制" not in labels(fixture_graph)  # thesaurus only
    assert p1["evidence"].startswith("小店区在全区试行企业安静期")  # the earliest adoption's sentence
    assert p1["report"] == "太原市小店区 2023 法治政府建设情况报告"


@pytest.mark.parametrize("node, province, adcode, level", [
    ("140105", "山西省", "140105", "district"),
    ("x-tyjk", "山西省", None, "development-zone"),   # no code: province found through partOf
    ("330106", "浙江省", "330106", "district"),
    ("510100", "四川省", "510100", "prefecture"),
])
def test_jurisdiction_attributes(fixture_graph, node, province, adcode, level):
    data = fixture_graph.nodes[PLACE + node]
    assert (data["province"], data.get("adcode"), data["level"]) == (province, adcode, level)


def test_adoption_edges_carry_year_status_evidence_report(fixture_graph):
    edges = fixture_graph.get_edge_data(PLACE + "140105", PROG + "p2")
    assert sorted((d["year"], d["status"]) for d in edges.values()) == [(2022, None), (2023, "rollout")]
    assert {d["report"] for d in edges.values()} == {"太原市小店区 2023 法治政府建设情况报告"}
    assert all(d["evidence"].endswith("。") for d in edges.values())


def test_outcome_has_label_evidence_and_report(fixture_graph):
    data = fixture_graph.nodes["https://w3id.org/govkg/id/outcome/o2"]
    assert data["label"] == "项目审批时限 45天"
    assert data["evidence"] == "项目审批时限压减45天以上。"
    assert data["report"].startswith("太原经济技术开发区 2024")


@pytest.mark.parametrize("query, expected", [
    ("承诺制+标准地+全代办", PROG + "p3"),       # an alias
    ("太原经开区", PLACE + "x-tyjk"),            # a short form of a development zone
    (" 企业 安静期 ", PROG + "p1"),               # spaces ignored
    ("经济技术开发区", PLACE + "x-tyjk"),         # the only node containing it
    ("太原", PLACE + "140100"),                  # exact alias beats containment
])
def test_find_node(fixture_graph, query, expected):
    assert find_node(fixture_graph, query) == expected


@pytest.mark.parametrize("query, message", [("不存在的项目", "no node named"), ("区", "several")])
def test_find_node_errors_name_the_parameter(fixture_graph, query, message):
    with pytest.raises(ParameterError, match=f"--focus: .*{message}"):
        find_node(fixture_graph, query, param="--focus")


def test_jurisdiction_filter_includes_sub_units(fixture_graph):
    g = filter_jurisdiction(fixture_graph, "太原市")
    assert labels(g, "jurisdiction") == ["太原市", "太原市小店区", "太原经济技术开发区"]
    assert labels(g, "programme") == ["<img src=x onerror=alert(1)>", "企业安静期", "承诺制标准地全代办", "证照分离"]
    assert labels(g, "document") == ["优化营商环境条例"]


def test_year_filter_drops_other_years_and_idle_places(fixture_graph):
    g = filter_year(fixture_graph, 2022)
    assert {d["year"] for *_, d in g.edges(data=True) if d["type"] == "adopted"} == {2022}
    assert "成都市" not in labels(g) and "太原经济技术开发区" not in labels(g)
    assert {"太原市小店区", "山西省", "杭州市西湖区", "浙江省"} <= set(labels(g))
    assert labels(g, "report") == ["杭州市西湖区 2022 法治政府建设情况报告"]


def test_programme_filter_keeps_adopters_and_outcomes(fixture_graph):
    g = filter_programme(fixture_graph, "企业安静期制度")
    assert labels(g, "jurisdiction") == ["太原市小店区", "太原经济技术开发区"]
    assert labels(g, "outcome") == ["入企检查次数 38.6%"]


def test_focus_depth_grows_the_ego_graph(fixture_graph):
    one, two = focus(fixture_graph, "最多跑一次", 1), focus(fixture_graph, "最多跑一次", 2)
    assert labels(one) == ["成都市", "最多跑一次", "杭州市西湖区"]
    assert set(labels(one)) < set(labels(two)) and "证照分离" in labels(two)


def test_types_filter_and_unknown_type(fixture_graph):
    assert set(t for _, t in filter_types(fixture_graph, ["programme"]).nodes(data="type")) == {"programme"}
    with pytest.raises(ParameterError, match="--types"):
        filter_types(fixture_graph, ["programmes"])


def test_bipartite_projection_weights_adoptions(fixture_graph):
    b = bipartite(fixture_graph)
    assert b.number_of_nodes() == 14 and b.number_of_edges() == 9
    edge = b.edges[PLACE + "140105", PROG + "p2"]
    assert (edge["weight"], edge["years"]) == (2, [2022, 2023])


def test_co_adoption_counts_shared_programmes(fixture_graph):
    c = co_adoption(fixture_graph)
    assert c.edges[PLACE + "510100", PLACE + "330106"]["weight"] == 2
    assert c.edges[PLACE + "x-tyjk", PLACE + "140105"]["shared"] == ["企业安静期"]
    assert not c.has_edge(PLACE + "x-tyjk", PLACE + "330106")


def test_to_networkx_accepts_a_wrapper_and_view_options(fixture_store):
    class Holder:  # what a KnowledgeGraph looks like from here: something holding the store
        def __init__(self, store):
            self.store = store
    g = to_networkx(Holder(fixture_store), jurisdiction="山西", types="jurisdiction,programme", year=2024)
    assert labels(g) == ["企业安静期", "太原市", "太原经济技术开发区", "山西省", "承诺制标准地全代办"]


def test_network_mixin_gives_to_networkx_and_export(fixture_store, tmp_path):
    from kg.network.api import NetworkMixin

    class Graph(NetworkMixin):
        def __init__(self, store):
            self.store = store
    graph = Graph(fixture_store)
    assert labels(graph.to_networkx(program="最多跑一次", types="jurisdiction")) == ["成都市", "杭州市西湖区"]
    assert graph.export("csv", tmp_path / "p.csv", year=2024).read_text(encoding="utf-8-sig").count("\n") == 3


def test_one_value_converter_for_queries_networks_and_exports(tmp_path):
    """An outcome's value is the same Python value (35, not 35.0; 38.6) through a named query, the
    network and a GraphML round trip: `kg.sparql.rows.to_python` is the package's one converter."""
    import networkx as nx
    from _mini import mini_store

    from kg.api import QueryGraph
    from kg.export import export
    store = mini_store()

    def typed(pairs):
        return sorted((indicator, value, type(value).__name__) for indicator, value in pairs)
    queried = typed({(r["indicator"], r["value"]) for r in QueryGraph(store).outcomes()})
    network = typed({(d["indicator"], d["value"]) for _, d in to_networkx(store).nodes(data=True)
                     if d["type"] == "outcome"})
    read = nx.read_graphml(export(store, "graphml", tmp_path / "g.graphml"))
    graphml = typed({(d["indicator"], d["value"]) for _, d in read.nodes(data=True) if d["type"] == "outcome"})
    assert queried == network == graphml
    assert ("涉企检查", 35, "int") in queried and ("入企检查次数", 38.6, "float") in queried


_UNRELATED = """@prefix gk: <https://w3id.org/govkg/ontology#> .
@prefix gkg: <https://w3id.org/govkg/graph/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
gkg:places { <https://w3id.org/govkg/id/place/990001> a gk:Jurisdiction ; rdfs:label "示例县" ; gk:key "示例县" . }
gkg:programmes { <https://w3id.org/govkg/id/programme/pz> a gk:Programme ; rdfs:label "示例制度" ; gk:key "示例制度" . }
<https://w3id.org/govkg/id/report/r9> {
  <https://w3id.org/govkg/id/report/r9> a gk:Report ; rdfs:label "示例县 2023 报告" ; gk:year 2023 ;
    gk:jurisdiction <https://w3id.org/govkg/id/place/990001> .
  <https://w3id.org/govkg/id/adoption/z1> a gk:Adoption ; gk:jurisdiction <https://w3id.org/govkg/id/place/990001> ;
    gk:programme <https://w3id.org/govkg/id/programme/pz> ; gk:evidence <https://w3id.org/govkg/id/evidence/z1> .
  <https://w3id.org/govkg/id/evidence/z1> a gk:Evidence ; gk:sentence "示例县推行示例制度。" ; oa:start 0 ; oa:end 10 .
}
"""


def _drawn(g):
    """A graph's nodes and edges with their attributes, comparable with ==."""
    return (sorted((n, sorted(d.items(), key=str)) for n, d in g.nodes(data=True)),
            sorted((u, v, k, sorted(d.items(), key=str)) for u, v, k, d in g.edges(keys=True, data=True)))


@pytest.mark.parametrize("options", [{"focus": "最多跑一次", "depth": 1}, {"focus": "最多跑一次", "depth": 2},
                                     {"focus": "太原市", "depth": 2}, {"focus": "最多跑一次", "year": 2023}])
def test_focus_view_is_the_ego_graph_and_ignores_unrelated_reports(fixture_store, options, monkeypatch):
    import pyoxigraph as ox
    import kg.network.graph as graph
    from kg.network.views import view
    g = to_networkx(fixture_store, **options)
    whole = view(graph.build_graph(fixture_store), **options)   # the same nodes and edges, read from the focus out
    assert (set(g), set(g.edges(keys=True))) == (set(whole), set(whole.edges(keys=True)))
    anchored = _drawn(g)
    monkeypatch.setattr(graph, "CHUNK", 1)   # anchors sent one IRI per query give the same view
    assert _drawn(to_networkx(fixture_store, **options)) == anchored
    fixture_store.load(_UNRELATED.encode(), format=ox.RdfFormat.TRIG)
    assert "示例县" in labels(to_networkx(fixture_store))
    assert _drawn(to_networkx(fixture_store, **options)) == anchored
