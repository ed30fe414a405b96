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


# --- built in steps, the summary equals a whole recompute, quad for quad ---------------------------

STEPS = {   # our own short reports: programmes, places, documents and indicators shared between them
    "a.txt": "德清县2021年法治政府建设情况报告\n德清县推行“企业安静期”制度，群众满意率提升至91%。\n制定《德清县行政执法公示办法》。\n",
    "b.txt": "平遥县2022年法治政府建设情况报告\n平遥县推行“企业安静期”，涉企检查下降20%。\n落实《德清县行政执法公示办法》。\n",
    "c.txt": "海淀区2023年法治政府建设情况报告\n海淀区推行河长制，群众满意率提升至88%。\n",
    "d.txt": "德清县2023年法治政府建设情况报告\n德清县深化河长制，办理时限压缩30%。\n制定《德清县河长制工作规则》。\n",
    "e.txt": "南山区2024年法治政府建设情况报告\n南山区推行“首违不罚”清单制度，首违不罚案件120件。\n",
}
CHANGED_D = "德清县2024年法治政府建设情况报告\n德清县推行“首违不罚”清单制度，网办率提升至95%。\n"
_NAMES = P + "PREFIX gg: <https://w3id.org/govkg/graph/>\n"


def _recomputed(store) -> set[str]:
    """graph/summary as N-Quads lines, computed here the slow direct way from the whole store."""
    rows = lambda q: [tuple(t.value if t is not None else None for t in r) for r in  # noqa: E731
                      store.query(_NAMES + q, use_default_graph_as_union=True)]
    concept = dict(rows("SELECT ?p ?c WHERE { GRAPH gg:concepts { ?p gk:concept ?c } }"))
    labels: dict[str, str] = {}
    for j, label in rows("SELECT ?j ?l WHERE { GRAPH gg:places { ?j rdfs:label ?l } }"):
        labels[j] = min(label, labels.get(j, label))
    adopters, citing, place_of = {}, {}, {}
    for p, j in rows("SELECT ?p ?j WHERE { GRAPH ?r { ?a a gk:Adoption ; gk:programme ?p ; gk:jurisdiction ?j } }"):
        adopters.setdefault(concept.get(p, p), set()).add(j)
    for d, r in rows("SELECT ?d ?r WHERE { GRAPH ?r { ?c a gk:Citation ; gk:document ?d } }"):
        citing.setdefault(d, set()).add(r)
    for r, j in rows("SELECT ?r ?j WHERE { GRAPH ?r { ?r a gk:Report ; gk:jurisdiction ?j } }"):
        place_of.setdefault(r, set()).add(j)
    g, n = f"<{GRAPH_SUMMARY}>", "<https://w3id.org/govkg/ontology#"
    integer = lambda k: f'"{k}"^^<http://www.w3.org/2001/XMLSchema#integer>'  # noqa: E731
    names = lambda places: pyoxigraph.Literal("、".join(sorted(labels.get(j, j) for j in places)))  # noqa: E731
    lines = {f"{g} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> {n}Summary> {g}"}
    for c, places in adopters.items():
        lines |= {f"<{c}> {n}adoptedIn> <{j}> {g}" for j in places}
        lines |= {f"<{c}> {n}adopterCount> {integer(len(places))} {g}", f"<{c}> {n}adopterNames> {names(places)} {g}"}
    for d, reports in citing.items():
        lines.add(f"<{d}> {n}citingReports> {integer(len(reports))} {g}")
        places = set().union(*(place_of.get(r, set()) for r in reports))
        if places:
            lines.add(f"<{d}> {n}citingPlaces> {names(places)} {g}")
    for (i,) in rows("SELECT DISTINCT ?i WHERE { GRAPH ?o { ?x gk:indicator ?i } }"):
        lines.add(f"{g} {n}indicatorName> {pyoxigraph.Literal(i)} {g}")
    return lines


def _held(store) -> set[str]:
    return {str(q) for q in store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(GRAPH_SUMMARY))}


def _step(graph, corpus, changes: dict[str, str | None]) -> None:
    for name, text in changes.items():
        if text is None:
            assert graph.remove([corpus / name])[0]
        else:
            (corpus / name).write_text(text, encoding="utf-8")
    if any(text is not None for text in changes.values()):
        assert graph.build([corpus]).ok


def test_summary_built_in_steps_equals_a_whole_recompute(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    graph = KnowledgeGraph.open(tmp_path / "store")
    steps = [{k: STEPS[k] for k in ("a.txt", "b.txt")}, {k: STEPS[k] for k in ("c.txt", "d.txt", "e.txt")},
             {"b.txt": None}, {"d.txt": CHANGED_D}, {"e.txt": None, "b.txt": STEPS["b.txt"]}]
    for changes in steps:
        _step(graph, corpus, changes)
        inner = graph.store.inner
        expected = _recomputed(inner)
        assert len(expected) > 10 and _held(inner) == expected, changes
    clean = KnowledgeGraph.open(tmp_path / "clean")
    assert clean.build([corpus]).ok
    assert _held(clean.store.inner) == _held(graph.store.inner)
    graph.close()
    clean.close()


@pytest.mark.parametrize("chunk", [1, 2, 1000])
def test_refresh_in_any_chunks_repairs_a_stale_summary(mini, chunk):
    store = pyoxigraph.Store()
    store.extend(list(mini))
    expected = _held(store)
    g = pyoxigraph.NamedNode(GRAPH_SUMMARY)
    doomed = [q for q in store.quads_for_pattern(None, None, None, g)][::3]
    for q in doomed:                      # statements lost, and statements of keys the reports never gave
        store.remove(q)
    n = pyoxigraph.NamedNode
    stale = [pyoxigraph.Quad(n("https://w3id.org/govkg/id/document/gone"), n("https://w3id.org/govkg/ontology#citingReports"),
                             pyoxigraph.Literal("3", datatype=n("http://www.w3.org/2001/XMLSchema#integer")), g),
             pyoxigraph.Quad(n("https://w3id.org/govkg/concept/gone"), n("https://w3id.org/govkg/ontology#adoptedIn"),
                             n("https://w3id.org/govkg/id/place/0"), g),
             pyoxigraph.Quad(g, n("https://w3id.org/govkg/ontology#indicatorName"), pyoxigraph.Literal("无此指标"), g)]
    store.extend(stale)
    from kg.summary import refresh
    assert refresh(store, chunk=chunk) == len(doomed) + len(stale)
    assert _held(store) == expected == _recomputed(store)
    assert refresh(store, chunk=chunk) == 0
