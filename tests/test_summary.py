"""graph/summary (kg.summary) holds exactly what the report graphs give, before and after reports come
and go; the whole-corpus queries that read it give one row per entity with the counts a direct count
over the report graphs gives; and a final ORDER BY done in Python orders rows as the engine does."""
from __future__ import annotations

import pyoxigraph
import pytest
from _mini import mini_store

from kg import KnowledgeGraph
from kg.sparql.query import bound_text, list_queries, load_query, run_named
from kg.sparql.rows import run_sparql, to_python
from kg.summary import SUMMARY_TERMS, summary_quads
from kg.rdf.vocab import GRAPH_SUMMARY

P = "PREFIX gk: <https://w3id.org/govkg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
# the slow, direct counts the summary stands in for (over every report graph)
ADOPTERS = P + """SELECT ?c (COUNT(DISTINCT ?j) AS ?n) WHERE {
  GRAPH ?r { ?a a gk:Adoption ; gk:programme ?p ; gk:jurisdiction ?j }
  OPTIONAL { ?p gk:concept ?cc } BIND(COALESCE(?cc, ?p) AS ?c) } GROUP BY ?c"""
CITING = P + "SELECT ?d (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?r { ?x a gk:Citation ; gk:document ?d } } GROUP BY ?d"
INDICATORS = P + "SELECT DISTINCT ?i WHERE { GRAPH ?r { ?o a gk:Outcome ; gk:indicator ?i } }"
SUMMARY = P + f"SELECT ?s ?p ?o WHERE {{ GRAPH <{GRAPH_SUMMARY}> {{ ?s ?p ?o }} }}"


def _pairs(store, sparql):
    return {(r[0].value, int(r[1].value)) for r in store.query(sparql, use_default_graph_as_union=True)}


def _summary(store, term):
    return {(r["s"].value, int(r["o"].value)) for r in store.query(SUMMARY, use_default_graph_as_union=True)
            if r["p"].value.endswith("#" + term)}


def _agrees(store):
    assert _summary(store, "adopterCount") == _pairs(store, ADOPTERS)
    assert _summary(store, "citingReports") == _pairs(store, CITING)
    names = {r["o"].value for r in store.query(SUMMARY, use_default_graph_as_union=True)
             if r["p"].value.endswith("#indicatorName")}
    assert names == {r[0].value for r in store.query(INDICATORS, use_default_graph_as_union=True)}


@pytest.fixture(scope="module")
def mini():
    return mini_store()


def test_summary_of_the_mini_store_equals_the_direct_counts(mini):
    _agrees(mini)


def test_summary_terms_are_declared_and_the_summary_conforms_to_the_shapes(mini):
    from kg.resources import ontology_text
    from kg.store.validate import validate_quads
    declared = {t.subject.value for t in pyoxigraph.parse(ontology_text("govkg.ttl"), pyoxigraph.RdfFormat.TURTLE)}
    assert [t for t in SUMMARY_TERMS if "https://w3id.org/govkg/ontology#" + t not in declared] == []
    conforms, text = validate_quads(list(mini))
    assert conforms and "0 warnings" in text, text


def test_a_wrong_count_breaks_the_shapes(mini):
    from kg.store.validate import validate_quads
    quads = [q for q in mini if not q.predicate.value.endswith("#adopterCount")]
    c = next(q for q in mini if q.predicate.value.endswith("#adopterCount"))
    bad = pyoxigraph.Quad(c.subject, c.predicate, pyoxigraph.Literal(c.object.value + "0", datatype=c.object.datatype),
                          c.graph_name)
    conforms, text = validate_quads(quads + [bad])
    assert not conforms and "adoptedIn" in text


@pytest.mark.parametrize("name, count", [("shared-programs", ADOPTERS), ("shared-documents", CITING)])
@pytest.mark.parametrize("least", [1, 2, 3])
def test_whole_corpus_queries_one_row_per_entity_with_the_direct_count(mini, name, count, least):
    rows = run_named(mini, name, min=least)
    direct = sorted(n for _, n in _pairs(mini, count) if n >= least)
    assert sorted(r["jurisdictions" if name == "shared-programs" else "reports"] for r in rows) == direct


def test_members_are_the_adopters_labels_sorted(mini):
    for row in run_named(mini, "shared-programs", min=1):
        members = row["members"].split("、")
        assert members == sorted(members) and len(members) == row["jurisdictions"]


def test_metric_one_row_per_matching_outcome(mini):
    count = P + 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?r { ?o a gk:Outcome ; gk:indicator ?i } FILTER(REGEX(?i, "率")) }'
    assert len(run_named(mini, "metric", indicator="率")) == to_python(next(iter(mini.query(count, use_default_graph_as_union=True)))[0])


def test_jurisdictions_one_row_per_place(mini):
    count = P + "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/govkg/graph/places> { ?j a gk:Jurisdiction } }"
    rows = run_named(mini, "jurisdictions")
    assert len(rows) == len({r["jurisdiction"] for r in rows}) == to_python(next(iter(mini.query(count)))[0])


@pytest.mark.parametrize("spec", [q for q in list_queries() if "ORDER BY" in q.text], ids=lambda q: q.name)
def test_python_order_is_the_engines_order(mini, spec):
    params = {"adopters": {"program": "企业安静期"}, "diffusion": {"program": "企业安静期"},
              "metric": {"indicator": "率"}, "evidence": {"entity": "法律明白人"}, "search": {"text": "市"},
              "timeline": {"jurisdiction": "山西省"}, "programs": {"jurisdiction": "山西省"},
              "co-adoption": {"min": 1}}.get(spec.name, {})
    text = bound_text(mini, spec, params)
    result = mini.query(text, use_default_graph_as_union=True)   # ORDER BY done by Oxigraph
    columns = [v.value for v in result.variables]
    engine = [tuple(to_python(t) for t in solution) for solution in result]
    ours = run_sparql(mini, text, labels=False)                   # ORDER BY of variables done in Python
    assert [tuple(r[c] for c in columns) for r in ours] == engine


def _raw(store, text):
    return [tuple(s) for s in store.query(text, use_default_graph_as_union=True)]


def test_summary_follows_builds_and_removals(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, (place, programme) in enumerate([("德清县", "“企业安静期”制度"), ("平遥县", "“企业安静期”"), ("德清县", "河长制"),
                                             ("海淀区", "河长制")]):
        (folder / f"r{i}.txt").write_text(f"{place}{2020 + i}年法治政府建设情况报告\n{place}推行{programme}，"
                                          f"群众满意率提升至{80 + i}%。\n", encoding="utf-8")
    graph = KnowledgeGraph.open(tmp_path / "store")
    assert graph.build([folder]).ok
    store = graph.store
    _agrees(store)
    before = {r["program"]: r["jurisdictions"] for r in graph.query("shared-programs", min=1)}
    assert (before.get("企业安静期"), before.get("河长制")) == (2, 2), before
    removed, _ = graph.remove([folder / "r1.txt"])
    assert removed
    _agrees(graph.store)
    after = {r["program"]: r["jurisdictions"] for r in graph.query("shared-programs", min=1)}
    assert (after.get("企业安静期"), after.get("河长制")) == (1, 2), after
    assert len(list(summary_quads(graph.store))) == len(_raw(graph.store, SUMMARY))
    graph.close()


@pytest.mark.parametrize("name, params", [("shared-programs", {}), ("metric", {"indicator": "率"})])
def test_a_store_without_its_summary_says_how_to_write_it(name, params):
    from _mini import MINI

    from kg.errors import QueryError
    from kg.summary import refresh
    store = pyoxigraph.Store()
    store.load(path=str(MINI), format=pyoxigraph.RdfFormat.TRIG)   # reports, but no summary pass
    with pytest.raises(QueryError, match="no graph/summary.*govkg concepts apply"):
        run_named(store, name, **params)
    refresh(store)
    assert run_named(store, name, **params)
    assert run_named(pyoxigraph.Store(), name, **params) == []      # an empty store needs none
