"""The v2 model on a real built store where many reports name the same programme and places: each
shared statement is held once, adoptions count as built, removing a report removes only its claims,
and a report left without its completion marker is built again by the next build."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.rdf import iri
from kg.build.pipeline import build
from kg.store.local import Store
from kg.rdf.vocab import GRAPH_BUILDS, GRAPH_PLACES, GRAPH_PROGRAMMES, SHARED_GRAPHS

# own texts: three places, a thesaurus programme spelled two ways, a programme not in the thesaurus,
# one national document
PLACES = ["海淀区", "德清县", "平遥县"]
SPELLINGS = ["“放管服”改革", "“放管服改革”"]
N = 12


def write_corpus(folder):
    folder.mkdir()
    for i in range(N):
        place, spelling = PLACES[i % 3], SPELLINGS[i % 2]
        (folder / f"r{i:02d}.txt").write_text(
            f"{place}{2019 + i % 5}年法治政府建设情况报告\n"
            f"{place}深化{spelling}，推行“企业安静期”制度，涉企检查下降{10 + i}%。\n"
            f"贯彻《优化营商环境条例》，群众满意率达到{80 + i}%。\n", encoding="utf-8")
    return sorted(folder.iterdir())


@pytest.fixture
def built(tmp_path):
    paths = write_corpus(tmp_path / "corpus")
    store = Store.open(tmp_path / "s")
    summary = build(store, [tmp_path / "corpus"])
    assert len(summary.built) == N and summary.ok
    yield store, paths
    store.close()


def rows(store, sparql):
    return list(store.query("PREFIX gk: <https://w3id.org/govkg/ontology#>\n" + sparql))


def test_each_shared_statement_is_held_once(built):
    store, _ = built
    twice = rows(store, """SELECT ?s ?p ?o (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }
        FILTER (STRSTARTS(STR(?s), "https://w3id.org/govkg/id/place/")
             || STRSTARTS(STR(?s), "https://w3id.org/govkg/id/programme/")
             || STRSTARTS(STR(?s), "https://w3id.org/govkg/programme/")
             || STRSTARTS(STR(?s), "https://w3id.org/govkg/id/document/")) }
        GROUP BY ?s ?p ?o HAVING (?n > 1)""")
    assert twice == []
    # and the shared subjects really are shared: described, and named by many reports
    j = iri.place("海淀区", "110108")
    assert len(rows(store, f"SELECT ?p WHERE {{ GRAPH <{GRAPH_PLACES}> {{ <{j}> ?p ?o }} }}")) >= 5
    assert len(rows(store, f"SELECT ?a WHERE {{ ?a gk:jurisdiction <{j}> }}")) >= N // 3


def test_no_report_graph_describes_a_place_or_programme(built):
    store, _ = built
    found = rows(store, """SELECT ?g ?s WHERE { GRAPH ?g { ?s a ?c }
        VALUES ?c { gk:Jurisdiction gk:Programme gk:Document } }""")
    assert found and {r["g"].value for r in found} <= set(SHARED_GRAPHS)


def test_adoptions_count_as_built_and_spellings_are_kept(built):
    store, _ = built
    (row,) = rows(store, "SELECT (COUNT(*) AS ?n) WHERE { ?a a gk:Adoption }")
    assert int(row["n"].value) == 2 * N == store.counts()["adoptions"]
    assert store.counts()["reports"] == N
    for name in ("放管服", "企业安静期"):
        (row,) = rows(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a a gk:Adoption ; gk:programme <{iri.programme(name)}> }}")
        assert int(row["n"].value) == N
    spelled = {r["s"].value for r in rows(store, "SELECT ?s WHERE { ?a gk:spelling ?s }")}
    assert spelled == {"放管服", "放管服改革", "企业安静期"}
    keys = {r["k"].value for r in rows(store, f"SELECT ?k WHERE {{ GRAPH <{GRAPH_PROGRAMMES}> "
                                              f"{{ <{iri.programme('放管服')}> gk:key ?k }} }}")}
    assert {"放管服", "放管服改革"} <= keys


def test_removing_a_report_removes_only_its_claims(built):
    store, paths = built
    before = {str(q) for q in store.inner}
    report = iri.report(paths[0])
    own = {str(q) for q in store.inner.quads_for_pattern(None, None, None, ox.NamedNode(report))}
    marker = {str(q) for q in store.inner.quads_for_pattern(ox.NamedNode(report), None, None,
                                                             ox.NamedNode(GRAPH_BUILDS))}
    assert own and len(marker) == 1
    assert store.remove_report(report)
    assert before - {str(q) for q in store.inner} == own | marker
    assert {str(q) for q in store.inner} <= before
    (row,) = rows(store, "SELECT (COUNT(*) AS ?n) WHERE { ?a a gk:Adoption }")
    assert int(row["n"].value) == 2 * (N - 1)


def test_an_unmarked_report_is_rebuilt(built, tmp_path):
    store, paths = built
    whole = sorted(str(q) for q in store.inner)
    report = iri.report(paths[3])
    # a build stopped mid-batch: part of the graph on disk, no marker
    store.inner.update(f"DELETE WHERE {{ GRAPH <{GRAPH_BUILDS}> {{ <{report}> ?p ?o }} }} ; "
                       f"DELETE WHERE {{ GRAPH <{report}> {{ ?s a ?c }} }}")
    assert report not in store.reports() and store.unfinished() == [report]
    summary = build(store, [tmp_path / "corpus"])
    assert summary.built == [str(paths[3])] and len(summary.unchanged) == N - 1
    assert sorted(str(q) for q in store.inner) == whole and store.unfinished() == []


def test_two_workers_give_the_same_store(built, tmp_path):
    store, _ = built
    with Store.open(tmp_path / "two") as other:
        build(other, [tmp_path / "corpus"], workers=2)
        assert sorted(str(q) for q in other.inner) == sorted(str(q) for q in store.inner)
