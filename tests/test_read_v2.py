"""The read path on real stores built from reports written for this test: many reports name the same
programme and places, two places share a name. Named queries give one row per adoption, counts
equal what was built, names resolve or answer with candidates, exports read only their focus, and a
real `oxigraph serve` gives the same rows."""
from __future__ import annotations

import json

import pytest

from kg import KnowledgeGraph
from kg.errors import ParameterError

# own texts: 12 reports from three places, the same thesaurus programme in two spellings each year
PLACES = ["德清县", "平遥县", "海淀区"]
SPELLINGS = ["“企业安静期”制度", "“企业安静期”"]
N = 12


def write_corpus(folder):
    folder.mkdir()
    for i in range(N):
        place = PLACES[i % 3]
        (folder / f"r{i:02d}.txt").write_text(
            f"{place}{2018 + i}年法治政府建设情况报告\n"
            f"{place}推行{SPELLINGS[i % 2]}，涉企检查次数同比下降{10 + i}%。\n"
            f"群众满意率提升至{80 + i}%。\n", encoding="utf-8")
    return sorted(folder.iterdir())


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    folder = tmp_path_factory.mktemp("read")
    write_corpus(folder / "corpus")
    kg = KnowledgeGraph.open(folder / "store")
    assert kg.build([folder / "corpus"]).ok
    kg.close()
    kg = KnowledgeGraph.open(folder / "store")
    yield kg
    kg.close()


def adoptions_built(kg) -> int:
    rows = kg.sparql("PREFIX gk: <https://w3id.org/govkg/ontology#> "
                     "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?r { ?a a gk:Adoption } }")
    return rows[0]["n"]


def test_adopters_one_row_per_adoption(graph):
    rows = graph.adopters("企业安静期")
    assert len(rows) == N == adoptions_built(graph)
    assert len({r["report"] for r in rows}) == N
    assert sorted(r["year"] for r in rows) == list(range(2018, 2018 + N))
    assert all("企业安静期" in r["spelling"] for r in rows)


def test_programs_of_a_place_one_row_per_report(graph):
    rows = graph.programs("平遥县")
    assert len(rows) == N // 3 and {r["jurisdiction"] for r in rows} == {"平遥县"}


def test_counts_and_diffusion_agree_with_the_build(graph):
    assert graph.stats()["adoptions"] == N
    curve = graph.diffusion("企业安静期")
    assert [r["adopters"] for r in curve] == [1, 2, 3]
    assert sorted(r["reports"] for r in curve) == [N // 3] * 3


def test_metric_rows_carry_direction_report_and_year(graph):
    rows = graph.metric("检查次数")
    assert len(rows) == N and {r["direction"] for r in rows} == {"decrease"}
    assert [r["value"] for r in rows] == sorted((r["value"] for r in rows), reverse=True)
    assert all(r["report"] and r["year"] for r in rows)


@pytest.mark.parametrize("value, hint", [("德清线", "德清县"), ("企业安定期", "企业安静期")])
def test_a_misspelt_name_suggests(graph, value, hint):
    param = "jurisdiction" if "德" in value else "program"
    with pytest.raises(ParameterError, match=f"did you mean .*{hint}"):
        graph.query("programs" if param == "jurisdiction" else "adopters", **{param: value})


def test_a_focus_export_reads_only_its_neighbourhood(graph, tmp_path):
    import networkx as nx
    whole = graph.to_networkx()
    focused = graph.to_networkx(focus="平遥县", depth=1)
    assert 0 < focused.number_of_nodes() < whole.number_of_nodes()
    assert set(focused) == set(nx.ego_graph(whole, next(n for n, d in whole.nodes(data=True)
                                                        if d["label"] == "平遥县"), 1, undirected=True))
    path = graph.export("graphml", tmp_path / "f.graphml", focus="平遥县")
    assert nx.read_graphml(path).number_of_nodes() == focused.number_of_nodes()


def test_panel_csv_is_the_query_over_the_store(graph, tmp_path):
    text = graph.export("csv", tmp_path / "p.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(text) == 1 + 3          # one row per place × programme
    assert all(",企业安静期," in line for line in text[1:])


def test_the_same_rows_from_an_endpoint(graph):
    from kg.store.remote import RemoteStore
    from kg.remote_graph import RemoteKnowledgeGraph
    from test_remote import canonical, oxigraph_server
    with oxigraph_server(graph.path.parent / "served") as url:
        remote = RemoteStore(url)
        for name, quads in _graphs(graph).items():
            remote.replace_graph(name, quads)
        over = RemoteKnowledgeGraph(remote)
        for name, params in [("adopters", {"program": "企业安静期"}), ("programs", {"jurisdiction": "德清"}),
                             ("metric", {"indicator": "满意率"}), ("jurisdictions", {})]:
            assert canonical(over.query(name, **params)) == canonical(graph.query(name, **params)), name
        assert json.dumps(sorted(over.to_networkx(focus="德清县").nodes)) == \
            json.dumps(sorted(graph.to_networkx(focus="德清县").nodes))


def _graphs(kg):
    from collections import defaultdict
    graphs = defaultdict(list)
    for quad in kg.store.inner:
        graphs[quad.graph_name.value].append(quad)
    return graphs
