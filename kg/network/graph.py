"""RDF store → networkx MultiDiGraph: typed nodes (jurisdiction, programme, document, outcome,
report) and typed edges (adopted, partOf, cites, reports_on, measures, about, issued_by).

Built from targeted queries (`kg.network.queries`): one per node and edge kind, limited to the node
types, the year and (for a focus, a jurisdiction or a programme) the neighbourhood asked for. Views
over the graph (filters, focus, projections) live in `kg.network.views`.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from kg.network.queries import ENDS, WIDE, edge_query, node_query
from kg.sparql.rows import select, store_of

__all__ = ["build_graph", "neighbourhood", "to_networkx", "sparql_rows", "NODE_TYPES", "EDGE_TYPES"]

GK = "https://w3id.org/govkg/ontology#"
NODE_TYPES = ("jurisdiction", "programme", "document", "outcome", "report")
EDGE_TYPES = ("adopted", "partOf", "cites", "reports_on", "measures", "about", "issued_by")

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
_EDGE_TYPE = {"references": "cites"}   # a document naming another is drawn as citing it


def sparql_rows(source: Any, sparql: str) -> list[dict[str, Any]]:
    """Run a SELECT over the union of all graphs of `source`; rows map variable → Python value
    (`kg.sparql.rows.to_python`, the package's one converter; IRIs stay IRIs).

    >>> import pyoxigraph as ox
    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal(3), ox.NamedNode("http://e/g")))
    >>> sparql_rows(s, "SELECT ?o WHERE { ?s ?p ?o }")
    [{'o': 3}]
    """
    return select(source, sparql)


# IRIs per anchoring VALUES block: above about 1,000 rows Oxigraph (0.5) stops looking each value up
# and joins the block by scanning it for every match of the pattern (measured: 1,000 outcomes 0.07 s,
# 1,100 outcomes 3.4 s; 8,000 in one block 48 s, in blocks of 500 1.3 s)
CHUNK = 500


def _chunks(nodes, size: int | None = None):
    """``nodes`` sorted, in blocks of at most ``size`` (default `CHUNK`; ``[None]`` for no anchor).

    >>> [len(c) for c in _chunks(set(range(1200)))], _chunks(None)
    ([500, 500, 200], [None])
    """
    if nodes is None:
        return [None]
    ordered, size = sorted(nodes), size or CHUNK
    return [ordered[i:i + size] for i in range(0, len(ordered), size)] or [[]]


class _Fetch:
    """Rows of the edge and node queries of `kg.network.queries`, for one store and one year filter;
    a large anchor is sent in blocks (`CHUNK`)."""

    def __init__(self, source: Any, year: int | None):
        self.store, self.year = store_of(source), year

    def edges(self, kind: str, subjects=None, objects=None) -> list[dict]:
        if subjects is not None and objects is not None and len(subjects) < len(objects):
            return [row for part in _chunks(objects) for row in
                    select(self.store, edge_query(kind, subjects, part, self.year))]
        return [row for part in _chunks(subjects) for row in
                select(self.store, edge_query(kind, part, objects, self.year))]

    def nodes(self, kind: str, nodes=None) -> list[dict]:
        return [row for part in _chunks(nodes) for row in select(self.store, node_query(kind, part, self.year))]



def _kinds_for(types: Iterable[str] | None) -> list[str]:
    """The edge kinds whose two ends are both of the wanted node types (all without `types`)."""
    wanted = set(types) if types else set(NODE_TYPES)
    return [k for k, (a, b) in ENDS.items() if a in wanted and b in wanted]


def build_graph(source: Any, *, year: int | None = None, types: Iterable[str] | None = None,
                nodes: dict[str, set] | None = None, edges: list[tuple[str, list[dict]]] | None = None
                ) -> nx.MultiDiGraph:
    """The store as a typed MultiDiGraph; node keys are IRIs, every node has `label` and `type`.

    Only what is asked for is fetched: node ``types`` (and the edges among them), facts of one
    ``year`` (and undated ones); ``nodes``/``edges`` (from `neighbourhood`) restrict it to part of the store.

    >>> import pyoxigraph as ox
    >>> build_graph(ox.Store()).number_of_nodes()
    0
    """
    fetch = _Fetch(source, year)
    wanted = [t for t in NODE_TYPES if not types or t in set(types)]
    g = nx.MultiDiGraph()
    for kind in wanted:
        anchor = None if nodes is None else nodes.get(kind, set())
        if anchor is not None and not anchor:
            continue
        _add_nodes(g, kind, fetch.nodes(kind, anchor))
    # one edge kind's rows at a time: the whole store's rows of every kind at once would be the peak
    for kind, rows in (edges if edges is not None else ((k, fetch.edges(k)) for k in _kinds_for(types))):
        _add_edges(g, kind, rows)
    _finish_nodes(g)
    return g


def neighbourhood(source: Any, seeds: Iterable[str], depth: int, year: int | None = None):
    """The nodes within `depth` steps of `seeds` (edges in either direction) and the edges among
    them, fetched hop by hop from the seeds outwards: (nodes by type, [(edge kind, rows)]).

    Each query is anchored on the frontier nodes of the edge kind's end type, so the work grows with
    what is drawn, not with the store. The last pass asks only for edges between two nodes of the last
    frontier (both ends anchored): an edge with an end nearer the seeds was read from that end.
    """
    fetch = _Fetch(source, year)
    typed = {t: set(seeds) for t in NODE_TYPES}   # a seed's type is unknown: try it as every type
    seen, frontier, found = set(seeds), set(seeds), {k: [] for k in ENDS}
    for step in range(depth + 1):
        last, reached = step == depth, set()
        for kind, (a, b) in ENDS.items():
            rows = []
            if last:   # edges with an end nearer the seeds were read when that end was the frontier
                if frontier & typed[a] and frontier & typed[b]:
                    rows = fetch.edges(kind, *_anchors(frontier & typed[a], frontier & typed[b],
                                                       kind in ONE_OBJECT))
            else:
                if frontier & typed[a]:
                    rows += fetch.edges(kind, frontier & typed[a])
                if frontier & typed[b]:
                    rows += fetch.edges(kind, None, frontier & typed[b])
            found[kind] += rows
            for r in rows:
                typed[a].add(r["s"])
                typed[b].add(r["o"])
                reached |= {r["s"], r["o"]}
        if last or not (frontier := reached - seen):
            break
        seen |= frontier
    by_type = {t: typed[t] & seen for t in NODE_TYPES}
    edges = [(k, [r for r in rows if r["s"] in seen and r["o"] in seen]) for k, rows in found.items()]
    return by_type, edges


# edge kinds whose subject has one object (an outcome is about one place, a report on one, a place part
# of one): anchored on its subjects, such a query reads one row per subject; anchored on its objects, it
# reads every subject they have (at 10,000 reports: every outcome of every report of 1,500 places)
ONE_OBJECT = frozenset({"partOf", "reports_on", "measures", "about", "issued_by"})


def _anchors(subjects, objects, one_object: bool = False, pairs: int = 2000):
    """Anchor both ends while the pairs of the two VALUES stay few (a lookup each), else one end (the
    other is filtered afterwards): the subjects where each has one object, otherwise the smaller end.

    >>> _anchors({1, 2}, {3}), _anchors(set(range(100)), set(range(50)))[0]
    (({1, 2}, {3}), None)
    >>> _anchors(set(range(100)), set(range(50)), one_object=True)[1]
    """
    if subjects is None or objects is None or len(subjects) * len(objects) <= pairs:
        return subjects, objects
    if one_object:
        return subjects, None
    return (subjects, None) if len(subjects) <= len(objects) else (None, objects)


def to_networkx(source: Any, **view_options: Any) -> nx.MultiDiGraph:
    """The network view of the store (`kg.network.views.view` options), fetched from its anchor:
    a focus, a jurisdiction or a programme are resolved through the key index and only their
    neighbourhood is read; types and year go into the queries.

    >>> import pyoxigraph as ox
    >>> to_networkx(ox.Store(), types=["programme"]).number_of_nodes()
    0
    """
    from kg.network.views import anchored
    return anchored(source, **view_options)


def _add_nodes(g: nx.MultiDiGraph, type_: str, rows: list[dict]) -> None:
    """One node per ``n``: each attribute the least of its values by `str` (the first of equals), all
    distinct aliases sorted by `str`, the evidence of the row with the earliest start. Attributes keep
    the order in which they first appear."""
    attrs: dict[str, dict] = {}
    evidence: dict[str, tuple] = {}
    columns = WIDE.get(type_)
    names = _ATTRS
    for row in rows:
        node = row["n"]
        slot = attrs.get(node)
        if slot is None:   # the node exists even without a drawn attribute
            slot = attrs[node] = {}
        pairs = ((c, row[c]) for c in columns) if columns else ((names.get(row["p"] or ""), row["v"]),)
        for attr, value in pairs:
            if not attr or value is None:
                continue
            if attr == "aliases":
                spellings = slot.setdefault(attr, [])
                if value not in spellings:
                    spellings.append(value)
            elif attr not in slot or str(value) < str(slot[attr]):
                slot[attr] = value
        if row.get("sentence") is not None:
            rank = (row["start"] is None, row["start"] or 0, row["sentence"])
            if node not in evidence or rank < evidence[node][0]:
                evidence[node] = (rank, row["sentence"], row["r"])

    def described():
        for node, slot in attrs.items():
            data = {"iri": node, "type": type_}
            for k, v in slot.items():
                data[k] = sorted(v, key=str) if k == "aliases" else v
            if node in evidence:
                data["evidence"], data["report_iri"] = evidence[node][1], evidence[node][2]
            yield node, data
    g.add_nodes_from(described())


def _add_edges(g: nx.MultiDiGraph, kind: str, rows: list[dict]) -> None:
    if kind == "adopted":
        _add_adoptions(g, rows)
        return
    type_ = _EDGE_TYPE.get(kind, kind)
    if rows and "start" in rows[0]:   # earliest evidence first (rows without a start keep their order)
        rows = sorted(rows, key=lambda r: (r["start"] is None, r["start"] or 0))
    succ, described = g._succ, g._node   # networkx's adjacency and node data: one lookup per row, not four
    for row in rows:
        s, o = row["s"], row["o"]
        if s not in described or o not in described:
            continue
        keys = succ[s].get(o)
        if keys is None or type_ not in keys:
            g.add_edge(s, o, key=type_, type=type_)
            keys = succ[s][o]
        sentence = row.get("sentence")
        if sentence is not None:
            keys[type_].setdefault("evidence", sentence)
            data = described[o]
            data.setdefault("evidence", sentence)
            data.setdefault("report_iri", s)


def _add_adoptions(g: nx.MultiDiGraph, rows: list[dict]) -> None:
    by_adoption: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_adoption[row["a"]].append(row)
    for key, group in sorted(by_adoption.items()):
        first = min(group, key=lambda r: (r["start"] is None, r["start"] or 0, r["sentence"] or ""))
        if first["s"] not in g or first["o"] not in g:
            continue
        g.add_edge(first["s"], first["o"], key=key, type="adopted", year=first["year"],
                   status=first["status"], spelling=first["spelling"], evidence=first["sentence"],
                   report_iri=first["r"])


def _finish_nodes(g: nx.MultiDiGraph) -> None:
    """Derived attributes: display label, years, adopters, province, report label (one pass over the edges)."""
    for node, data in g.nodes(data=True):
        data["label"] = _display_label(node, data)
    years: dict[str, set] = defaultdict(set)
    adopters: dict[str, set] = defaultdict(set)
    adoptions = []
    for u, v, key, data in g.edges(keys=True, data=True):
        if data["type"] == "adopted":
            adoptions.append((data.get("year") or 9999, key, u, v, data))
            adopters[v].add(u)
            if data.get("year") is not None:
                years[u].add(data["year"])
                years[v].add(data["year"])
        elif data["type"] == "reports_on" and u != v:
            years[v].add(g.nodes[u].get("year"))
    for *_, u, v, data in sorted(adoptions, key=lambda a: a[:2]):
        if data.get("report_iri") in g:
            data["report"] = g.nodes[data["report_iri"]]["label"]
        _first_evidence(g.nodes[v], data)
        _first_evidence(g.nodes[u], data)
    for node, data in g.nodes(data=True):
        own = years.get(node, set()) | ({data["year"]} if data.get("year") is not None else set())
        data["years"] = sorted(y for y in own if isinstance(y, int))
        if data["type"] == "programme":
            data["adopters"] = len(adopters.get(node, ()))
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
