"""graph/summary: whole-corpus aggregates that named queries read instead of scanning every report.

A query such as `shared-programs` needs, per programme concept, the distinct jurisdictions adopting it:
over the report graphs that is a join of every adoption (300,000 at 10,000 reports), seconds however it
is written. The summary holds the answer's ingredients once, so those queries read one small graph:

    C gk:adoptedIn J .                         # some report places an adoption of concept C in J
    C gk:adopterCount 57 ; gk:adopterNames "北京市、…" .    # distinct J, their labels sorted, joined by 、
    D gk:citingReports 12 ; gk:citingPlaces "…" .         # reports citing D; their places' labels
    <graph/summary> a gk:Summary ; gk:indicatorName "群众满意度" .   # every distinct outcome indicator

It is derived data only (never what a report says), recomputed whole from the store by `refresh`,
which the concept pass calls after it writes graph/concepts (every build, removal, prune and concept
decision), so it stays exact when reports come and go. `refresh` also brings a store built before
the summary existed up to date (`govkg concepts apply` runs it).
"""
from __future__ import annotations

from collections import defaultdict

from pyoxigraph import Literal, NamedNode, Quad

from kg.errors import QueryError
from kg.rdf.vocab import GK, GK_TERMS, RDF_TYPE, GRAPH_CONCEPTS, GRAPH_PLACES, GRAPH_SUMMARY, PREFIXES, XSD, Namespace

__all__ = ["refresh", "require", "summary_quads", "SUMMARY_TERMS"]

SUMMARY_TERMS = ("Summary", "adoptedIn", "adopterCount", "adopterNames", "citingReports", "citingPlaces", "indicatorName")
SGK = Namespace(str(GK), GK_TERMS + SUMMARY_TERMS)
SEPARATOR = "、"
_G = NamedNode(GRAPH_SUMMARY)

# each pattern alone inside a sub-select: Oxigraph then hash-joins the three scans on ?a (a nested
# loop of index lookups costs ~40 µs per adoption on a disk store)
_ADOPTERS = """SELECT DISTINCT ?p ?j WHERE {
  { SELECT ?a WHERE { GRAPH ?r { ?a a gk:Adoption } } }
  { SELECT ?a ?p WHERE { GRAPH ?r { ?a gk:programme ?p } } }
  { SELECT ?a ?j WHERE { GRAPH ?r { ?a gk:jurisdiction ?j } } } }"""
_CONCEPTS = f"SELECT ?p ?c WHERE {{ GRAPH <{GRAPH_CONCEPTS}> {{ ?p gk:concept ?c }} }}"
_CITATIONS = """SELECT DISTINCT ?d ?r WHERE {
  { SELECT ?c ?r WHERE { GRAPH ?r { ?c a gk:Citation } } }
  { SELECT ?c ?d WHERE { GRAPH ?r { ?c gk:document ?d } } } }"""
_REPORT_PLACES = "SELECT ?r ?j WHERE { GRAPH ?r { ?r a gk:Report ; gk:jurisdiction ?j } }"
_PLACE_LABELS = f"SELECT ?j ?l WHERE {{ GRAPH <{GRAPH_PLACES}> {{ ?j rdfs:label ?l }} }}"
_PRESENT = f"ASK {{ GRAPH <{GRAPH_SUMMARY}> {{ <{GRAPH_SUMMARY}> a gk:Summary }} }}"
_WHOLE = 50_000        # a difference larger than this is written as a whole graph (bulk path, less memory)
_STORED = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{GRAPH_SUMMARY}> {{ ?s ?p ?o }} }}"
_ANY_REPORT = "ASK { GRAPH ?r { ?r a gk:Report } }"
_INDICATORS = "SELECT DISTINCT ?i WHERE { GRAPH ?g { ?o gk:indicator ?i } }"


def _run(store, sparql: str):
    head = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    return store.query(head + sparql, use_default_graph_as_union=True)


def _names(places, labels: dict[str, str]) -> Literal:
    """The places' labels (else IRIs), sorted and joined: one string a query returns as it is."""
    return Literal(SEPARATOR.join(sorted(labels.get(j, j) for j in places)))


def _q(s: str, p: NamedNode, o) -> Quad:
    return Quad(NamedNode(s), p, o, _G)


def summary_quads(store) -> list[Quad]:
    """The summary graph's quads, computed from the report graphs, graph/concepts and graph/places."""
    concept = {row["p"].value: row["c"].value for row in _run(store, _CONCEPTS)}
    labels = {row["j"].value: row["l"].value for row in _run(store, _PLACE_LABELS)}
    adopters: dict[str, set[str]] = defaultdict(set)
    for row in _run(store, _ADOPTERS):
        p = row["p"].value
        adopters[concept.get(p, p)].add(row["j"].value)
    place_of = {row["r"].value: row["j"].value for row in _run(store, _REPORT_PLACES)}
    citing: dict[str, set[str]] = defaultdict(set)
    for row in _run(store, _CITATIONS):
        citing[row["d"].value].add(row["r"].value)
    quads = []
    for c, places in sorted(adopters.items()):
        quads += [_q(c, SGK.adoptedIn, NamedNode(j)) for j in sorted(places)]
        quads += [_q(c, SGK.adopterCount, Literal(str(len(places)), datatype=XSD.integer)),
                  _q(c, SGK.adopterNames, _names(places, labels))]
    for d, reports in sorted(citing.items()):
        places = {place_of[r] for r in reports if r in place_of}
        quads.append(_q(d, SGK.citingReports, Literal(str(len(reports)), datatype=XSD.integer)))
        if places:
            quads.append(_q(d, SGK.citingPlaces, _names(places, labels)))
    quads.append(_q(GRAPH_SUMMARY, RDF_TYPE, SGK.Summary))   # written even over an empty store: `require`
    quads += [_q(GRAPH_SUMMARY, SGK.indicatorName, row["i"]) for row in _run(store, _INDICATORS)]
    return quads


def refresh(store) -> int:
    """Recompute graph/summary from the store (a `kg.store.Store`, a remote one, or a bare pyoxigraph
    Store) and write it; the number of quads added or removed.

    After a build that adds or removes a few reports only their concepts' and documents' lines change,
    so the write is the difference (one transaction), not the whole graph again; the read is always the
    whole corpus, so the summary is exact.
    """
    if not hasattr(store, "replace_graph"):
        from pathlib import Path

        from kg.store import Store
        store = Store(store, Path("memory"), False)
    new = set(summary_quads(store))
    old = {Quad(r["s"], r["p"], r["o"], _G) for r in _run(store, _STORED)}
    gone, added = old - new, new - old
    if not old or len(gone) + len(added) > _WHOLE:
        _write_whole(store, new)
    elif gone or added:
        from kg.store.local import graph_triples
        parts = [f"{verb} DATA {{ GRAPH <{GRAPH_SUMMARY}> {{\n" + "\n".join(graph_triples(GRAPH_SUMMARY, quads)) + "\n} }"
                 for verb, quads in (("DELETE", gone), ("INSERT", added)) if quads]
        store.update(" ;\n".join(parts))
    return len(gone) + len(added)


def _write_whole(store, quads: set[Quad]) -> None:
    """Drop graph/summary and bulk-load it (a build's batch path), its gk:Summary marker last: a write
    cut short leaves no marker, so the queries that read the summary refuse until the next refresh."""
    marker = _q(GRAPH_SUMMARY, RDF_TYPE, SGK.Summary)
    body = "".join(f"{q} .\n" for q in sorted(quads - {marker}, key=str)).encode("utf-8")
    store.write_batch([GRAPH_SUMMARY], b"", body, f"{marker} .\n".encode("utf-8"))


def require(store, source: str) -> None:
    """QueryError unless the store holds graph/summary (or no report at all): a store built before the
    summary existed would otherwise answer the queries that read it with nothing."""
    from kg.sparql.rows import store_of
    store = store_of(store)
    if bool(_run(store, _PRESENT)) or not bool(_run(store, _ANY_REPORT)):
        return
    raise QueryError(f"{source}: the store has no graph/summary (it was built before the summary "
                     "existed); run `govkg concepts apply` once to write it")
