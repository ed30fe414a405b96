"""`build --prune`: drop the reports whose files are gone, then the shared descriptions no report
refers to any more (places, programmes, documents and their concepts), so the store equals a clean
build of what is left. A plain build or `remove` never drops shared descriptions: they are true of
the place or programme, not of one report.
"""
from __future__ import annotations

from pathlib import Path

from kg.rdf.vocab import GRAPH_CONCEPTS, GRAPH_DOCUMENTS, GRAPH_PLACES, GRAPH_PROGRAMMES, PREFIXES

__all__ = ["prune", "prune_shared"]

_P = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
_REPORTS = "GRAPH <https://w3id.org/govkg/graph/builds> { ?g gk:builtFrom ?h } GRAPH ?g"
_USED = {
    "programme": f"SELECT DISTINCT ?x WHERE {{ {_REPORTS} {{ ?f gk:programme ?x }} }}",
    "document": f"SELECT DISTINCT ?x WHERE {{ {_REPORTS} {{ ?f gk:document|dcterms:references ?x }} }}",
    "place": f"SELECT DISTINCT ?x WHERE {{ {_REPORTS} {{ ?f gk:jurisdiction ?x }} }}",
}
_ALL = {GRAPH_PROGRAMMES: "SELECT ?x WHERE { GRAPH <%s> { ?x rdfs:label ?l } }",
        GRAPH_DOCUMENTS: "SELECT ?x WHERE { GRAPH <%s> { ?x dcterms:title ?l } }",
        GRAPH_PLACES: "SELECT ?x WHERE { GRAPH <%s> { ?x a gk:Jurisdiction } }"}


def _values(store, sparql: str) -> set[str]:
    return {row["x"].value for row in store.query(_P + sparql)}


def _closure(store, graph: str, start: set[str], link: str) -> set[str]:
    """`start` and everything reachable from it by `link` inside `graph`."""
    edges: dict[str, set[str]] = {}
    for row in store.query(_P + f"SELECT ?a ?b WHERE {{ GRAPH <{graph}> {{ ?a {link} ?b }} }}"):
        edges.setdefault(row["a"].value, set()).add(row["b"].value)
    seen, todo = set(start), list(start)
    while todo:
        for nxt in edges.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def prune_shared(store) -> int:
    """Drop shared descriptions no marked report refers to; how many entities were dropped."""
    documents = _closure(store, GRAPH_DOCUMENTS, _values(store, _USED["document"]), "dcterms:references")
    issuers = {row["x"].value for row in store.query(
        _P + f"SELECT ?d ?x WHERE {{ GRAPH <{GRAPH_DOCUMENTS}> {{ ?d gk:issuedBy ?x }} }}")
        if row["d"].value in documents}
    places = _closure(store, GRAPH_PLACES, _values(store, _USED["place"]) | issuers, "gk:partOf")
    programmes = _values(store, _USED["programme"])
    dropped = 0
    for graph, keep in ((GRAPH_DOCUMENTS, documents), (GRAPH_PLACES, places), (GRAPH_PROGRAMMES, programmes)):
        gone = sorted(_values(store, _ALL[graph] % graph) - keep)
        if gone:
            store.delete_subjects(graph, gone)
            if graph == GRAPH_PROGRAMMES:
                store.delete_subjects(GRAPH_CONCEPTS, gone)
            dropped += len(gone)
    return dropped


def prune(store) -> list[str]:
    """Remove the reports whose source files are gone and the shared descriptions left unused; their IRIs."""
    gone = [r for r, (source, _) in store.reports().items() if not Path(source).exists()]
    for report in gone:
        store.remove_report(report)
    prune_shared(store)
    return gone
