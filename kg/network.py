"""RDF store → networkx MultiDiGraph: typed nodes (jurisdiction, programme, document, outcome,
report) and typed edges (adopted, partOf, cites, reports_on, measures, about, issued_by).

Views over that graph (filters, focus, projections) live in `kg.network_views`.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from kg.network_views import view

__all__ = ["build_graph", "to_networkx", "sparql_rows", "NODE_TYPES", "EDGE_TYPES"]

GK = "https://w3id.org/govkg/ontology#"
NODE_TYPES = ("jurisdiction", "programme", "document", "outcome", "report")
EDGE_TYPES = ("adopted", "partOf", "cites", "reports_on", "measures", "about", "issued_by")

_PREFIXES = """PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
_CLASSES = "VALUES (?t ?type) { (gk:Jurisdiction 'jurisdiction') (gk:Programme 'programme') " \
           "(gk:Document 'document') (gk:Outcome 'outcome') (gk:Report 'report') }"
# predicate IRI → node attribute; gk:text (the whole report) is left out on purpose.
_ATTRS = {
    "http://www.w3.org/2000/01/rdf-schema#label": "label",
    "http://www.w3.org/2004/02/skos/core#prefLabel": "pref_label",
    "http://www.w3.org/2004/02/skos/core#altLabel": "aliases",
    "https://schema.org/name": "name", "http://purl.org/dc/terms/title": "title",
    "http://purl.org/dc/terms/issued": "issued",
    **{GK + p: a for p, a in [
        ("adcode", "adcode"), ("level", "level"), ("programmeType", "programme_type"),
        ("documentType", "document_type"), ("issuer", "issuer"), ("status", "status"),
        ("indicator", "indicator"), ("value", "value"), ("unit", "unit"), ("direction", "direction"),
        ("qualifier", "qualifier"), ("year", "year"), ("kind", "kind")]},
}
# only what some report mentions: thesaurus-only programmes are left out (their aliases still count)
_NODES = _PREFIXES + "SELECT DISTINCT ?n ?type ?p ?v WHERE { %s GRAPH ?g { ?n a ?t . ?g a gk:Report } " \
    "OPTIONAL { ?n ?p ?v . FILTER(isLiteral(?v) && ?p != gk:text) } }" % _CLASSES
_EDGES = _PREFIXES + """SELECT DISTINCT ?s ?o ?type WHERE {
  { ?s gk:partOf ?o . BIND('partOf' AS ?type) }
  UNION { ?s a gk:Report ; gk:jurisdiction ?o . BIND('reports_on' AS ?type) }
  UNION { ?s dcterms:references ?o . ?o a gk:Document . BIND('cites' AS ?type) }
  UNION { ?s a gk:Outcome ; gk:programme ?o . BIND('measures' AS ?type) }
  UNION { ?s a gk:Outcome ; gk:jurisdiction ?o . BIND('about' AS ?type) }
  UNION { ?s a gk:Document ; gk:issuedBy ?o . BIND('issued_by' AS ?type) } }"""
_ADOPTIONS = _PREFIXES + """SELECT DISTINCT ?a ?j ?p ?year ?status ?r ?sentence ?start WHERE {
  ?a a gk:Adoption ; gk:programme ?p ; gk:jurisdiction ?j .
  OPTIONAL { ?a gk:year ?year } OPTIONAL { ?a gk:status ?status }
  OPTIONAL { ?a prov:wasDerivedFrom ?r }
  OPTIONAL { ?a gk:evidence ?e . ?e gk:sentence ?sentence . OPTIONAL { ?e oa:start ?start } } }"""
# evidence of outcomes (subject = outcome) and of citations (subject = cited document, per report)
_EVIDENCE = _PREFIXES + """SELECT DISTINCT ?n ?r ?sentence ?start WHERE {
  { ?n a gk:Outcome ; gk:evidence ?e ; prov:wasDerivedFrom ?r . }
  UNION { ?c a gk:Citation ; gk:document ?n ; gk:evidence ?e ; prov:wasDerivedFrom ?r . }
  ?e gk:sentence ?sentence . OPTIONAL { ?e oa:start ?start } }"""


def sparql_rows(source: Any, sparql: str) -> list[dict[str, Any]]:
    """Run a SELECT over the union of all graphs of `source`; rows map variable → Python value.

    `source` is a `pyoxigraph.Store`, or an object holding one (a `KnowledgeGraph`).

    >>> import pyoxigraph as ox
    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal(3), ox.NamedNode("http://e/g")))
    >>> sparql_rows(s, "SELECT ?o WHERE { ?s ?p ?o }")
    [{'o': 3}]
    """
    results = _pyoxigraph_store(source).query(sparql, use_default_graph_as_union=True)
    names = [v.value for v in results.variables]
    return [{n: _py(sol[n]) for n in names} for sol in results]


def _pyoxigraph_store(source: Any):
    for attr in ("inner", "store", "_store", "ox", "_ox"):
        inner = getattr(source, attr, None)
        if inner is not None and not callable(inner):
            return _pyoxigraph_store(inner)
    return source


def _py(term: Any) -> Any:
    if term is None:
        return None
    datatype = getattr(term, "datatype", None)
    if datatype is None:
        return term.value
    dt = datatype.value.rsplit("#", 1)[-1]
    if dt in ("integer", "int", "long", "short", "gYear"):
        try:
            return int(term.value)
        except ValueError:
            return term.value
    if dt in ("decimal", "double", "float"):
        return float(term.value)
    return term.value


def build_graph(source: Any) -> nx.MultiDiGraph:
    """The whole store as a typed MultiDiGraph; node keys are IRIs, every node has `label` and `type`.

    >>> import pyoxigraph as ox
    >>> build_graph(ox.Store()).number_of_nodes()
    0
    """
    g = nx.MultiDiGraph()
    _add_nodes(g, sparql_rows(source, _NODES))
    for row in sparql_rows(source, _EDGES):
        if row["s"] in g and row["o"] in g:
            g.add_edge(row["s"], row["o"], key=row["type"], type=row["type"])
    _add_adoptions(g, sparql_rows(source, _ADOPTIONS))
    _add_evidence(g, sparql_rows(source, _EVIDENCE))
    _finish_nodes(g)
    return g


def to_networkx(source: Any, **view_options: Any) -> nx.MultiDiGraph:
    """`build_graph` then `kg.network_views.view` (focus, depth, types, year, jurisdiction, program).

    >>> import pyoxigraph as ox
    >>> to_networkx(ox.Store(), types=["programme"]).number_of_nodes()
    0
    """
    return view(build_graph(source), **view_options)


def _add_nodes(g: nx.MultiDiGraph, rows: list[dict]) -> None:
    values: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    types: dict[str, str] = {}
    for row in rows:
        types.setdefault(row["n"], row["type"])
        attr = _ATTRS.get(row["p"] or "")
        if attr and row["v"] not in values[row["n"]][attr]:
            values[row["n"]][attr].append(row["v"])
    for node, type_ in types.items():
        attrs = {k: (sorted(v, key=str) if k == "aliases" else min(v, key=str))
                 for k, v in values[node].items()}
        g.add_node(node, iri=node, type=type_, **attrs)


def _add_adoptions(g: nx.MultiDiGraph, rows: list[dict]) -> None:
    by_adoption: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_adoption[row["a"]].append(row)
    for key, group in sorted(by_adoption.items()):
        first = min(group, key=lambda r: (r["start"] is None, r["start"] or 0, r["sentence"] or ""))
        if first["j"] not in g or first["p"] not in g:
            continue
        g.add_edge(first["j"], first["p"], key=key, type="adopted", year=first["year"],
                   status=first["status"], evidence=first["sentence"], report_iri=first["r"])


def _add_evidence(g: nx.MultiDiGraph, rows: list[dict]) -> None:
    rows = sorted(rows, key=lambda r: (r["start"] is None, r["start"] or 0, r["sentence"]))
    for row in rows:
        node, report = row["n"], row["r"]
        if node not in g:
            continue
        g.nodes[node].setdefault("evidence", row["sentence"])
        g.nodes[node].setdefault("report_iri", report)
        if report in g and g.has_edge(report, node, key="cites"):
            g.edges[report, node, "cites"].setdefault("evidence", row["sentence"])


def _finish_nodes(g: nx.MultiDiGraph) -> None:
    """Derived attributes: display label, years, adopters, province, report label."""
    for node, data in g.nodes(data=True):
        data["label"] = _display_label(node, data)
    edges = sorted(g.edges(keys=True, data=True), key=lambda e: (e[3].get("year") or 9999, e[2]))
    for u, v, _, data in edges:
        if data.get("report_iri") in g:
            data["report"] = g.nodes[data["report_iri"]]["label"]
        if data["type"] == "adopted":
            _first_evidence(g.nodes[v], data)
            _first_evidence(g.nodes[u], data)
    for node, data in g.nodes(data=True):
        years = set(_own_years(g, node, data))
        data["years"] = sorted(y for y in years if isinstance(y, int))
        if data["type"] == "programme":
            data["adopters"] = len({u for u, _, t in g.in_edges(node, data="type") if t == "adopted"})
        if data["type"] == "jurisdiction":
            data["province"] = _province(g, node)
        if data.get("report_iri") in g:
            data["report"] = g.nodes[data["report_iri"]]["label"]


def _display_label(node: str, data: dict) -> str:
    if data["type"] == "outcome":
        value = data.get("value")
        value = int(value) if isinstance(value, float) and value.is_integer() else value
        return f"{data.get('indicator', '?')} {value if value is not None else ''}{data.get('unit', '')}"
    for key in ("label", "pref_label", "title", "name"):
        if data.get(key):
            return str(data[key])
    return node.rsplit("/", 1)[-1]


def _first_evidence(node_data: dict, edge: dict) -> None:
    if edge.get("evidence") and "evidence" not in node_data:
        node_data["evidence"] = edge["evidence"]
        node_data["report_iri"] = edge.get("report_iri")


def _own_years(g: nx.MultiDiGraph, node: str, data: dict):
    if data.get("year") is not None:
        yield data["year"]
    for u, _, edge in list(g.in_edges(node, data=True)) + list(g.out_edges(node, data=True)):
        if edge["type"] == "adopted" and edge.get("year") is not None:
            yield edge["year"]
        if edge["type"] == "reports_on" and u != node:
            yield g.nodes[u].get("year")


def _province(g: nx.MultiDiGraph, node: str) -> str | None:
    seen, current = set(), node
    while current not in seen:
        seen.add(current)
        if g.nodes[current].get("level") == "province":
            return g.nodes[current]["label"]
        parents = [v for _, v, t in g.out_edges(current, data="type") if t == "partOf"]
        if not parents:
            break
        current = sorted(parents)[0]
    code = g.nodes[node].get("adcode")
    return f"{code[:2]}0000" if code else None
