"""Views of the typed govkg network: filters (types, year, jurisdiction with its sub-units,
programme), a focus (ego graph) around a named node, and the two projections.
"""
from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kg.errors import ParameterError

__all__ = ["view", "anchored", "find_node", "filter_types", "filter_year", "filter_jurisdiction",
           "filter_programme", "focus", "bipartite", "co_adoption"]


def _norm(text: str) -> str:
    return "".join(str(text).split()).casefold()


def find_node(g: nx.MultiDiGraph, label: str, types: Iterable[str] | None = None,
              param: str = "label") -> str:
    """The node whose label, official name or an alias is `label` (exactly, then ignoring spaces/case,
    then as the only node containing it; report and outcome labels lose such ties).

    Raises ParameterError (naming `param`) when nothing, or more than one node, matches.

    >>> g = nx.MultiDiGraph(); g.add_node("p", label="证照分离", aliases=["证照分离改革"], type="programme")
    >>> find_node(g, "证照分离改革")
    'p'
    """
    if label in g and (not types or g.nodes[label].get("type") in set(types)):
        return label   # already resolved to the node itself (an IRI)
    wanted = set(types) if types else None
    nodes = [(n, d) for n, d in g.nodes(data=True) if wanted is None or d.get("type") in wanted]
    names = {n: [d.get("label"), d.get("name"), d.get("pref_label"), *d.get("aliases", [])]
             for n, d in nodes}
    key = _norm(label)
    for test in (lambda s: s == label, lambda s: _norm(s) == key, lambda s: key in _norm(s)):
        hits = sorted(n for n, ns in names.items() if any(s and test(s) for s in ns))
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            for narrower in ([n for n in hits if g.nodes[n].get("label") == label],
                             [n for n in hits if g.nodes[n].get("type") not in ("report", "outcome")]):
                if len(narrower) == 1:  # an exact label, or the one entity beside report titles
                    return narrower[0]
            shown = ", ".join(sorted(str(g.nodes[n]["label"]) for n in hits)[:5])
            raise ParameterError(f"{param}: {label!r} matches several nodes ({shown}); be more specific")
    raise ParameterError(f"{param}: no node named {label!r} in the graph")


def filter_types(g: nx.MultiDiGraph, types: Iterable[str]) -> nx.MultiDiGraph:
    """Only nodes of the given types (and the edges among them).

    >>> g = nx.MultiDiGraph(); g.add_node(1, type="programme"); g.add_node(2, type="report")
    >>> list(filter_types(g, ["programme"]))
    [1]
    """
    keep = set(types)
    unknown = keep - {"jurisdiction", "programme", "document", "outcome", "report"}
    if unknown:
        raise ParameterError(f"--types: unknown node type {sorted(unknown)[0]!r} "
                             "(use jurisdiction, programme, document, outcome, report)")
    return g.subgraph(n for n, t in g.nodes(data="type") if t in keep).copy()


def filter_year(g: nx.MultiDiGraph, year: int) -> nx.MultiDiGraph:
    """Edges and nodes dated `year` or undated; then only the parts (connected components) that hold
    something dated `year`, so places active only in other years go with their parents.

    >>> g = nx.MultiDiGraph(); _ = g.add_edge("j", "p", key="a", type="adopted", year=2020)
    >>> filter_year(g, 2021).number_of_nodes()
    0
    """
    out = g.copy()
    out.remove_nodes_from([n for n, y in g.nodes(data="year") if y is not None and y != year])
    out.remove_edges_from([(u, v, k) for u, v, k, y in out.edges(keys=True, data="year")
                           if y is not None and y != year])
    out.remove_nodes_from(_idle_places(out))
    dated = {n for n, y in out.nodes(data="year") if y == year}
    dated |= {u for u, _, y in out.edges(data="year") if y == year}
    keep = set()
    for part in nx.weakly_connected_components(out):
        if part & dated:
            keep |= part
    return out.subgraph(keep).copy()


def _idle_places(g: nx.MultiDiGraph) -> set[str]:
    """Jurisdictions with only partOf edges left that are not a parent of a busy one."""
    places = {n for n, t in g.nodes(data="type") if t == "jurisdiction"}
    busy = {n for n in places if any(t != "partOf" for *_, t in g.in_edges(n, data="type"))
            or any(t != "partOf" for *_, t in g.out_edges(n, data="type"))}
    up = nx.DiGraph((u, v) for u, v, t in g.edges(data="type") if t == "partOf")
    needed = set(busy)
    for n in busy:
        needed |= nx.descendants(up, n) if n in up else set()
    return places - needed


def _sub_units(g: nx.MultiDiGraph, root: str) -> set[str]:
    down = nx.DiGraph((v, u) for u, v, t in g.edges(data="type") if t == "partOf")
    return {root} | (nx.descendants(down, root) if root in down else set())


def filter_jurisdiction(g: nx.MultiDiGraph, label: str) -> nx.MultiDiGraph:
    """A jurisdiction, its sub-units (via partOf), and what they adopted, reported and measured.

    >>> g = nx.MultiDiGraph(); g.add_node("c", label="太原市", type="jurisdiction")
    >>> _ = g.add_edge("d", "c", key="partOf", type="partOf"); g.nodes["d"].update(label="小店区", type="jurisdiction")
    >>> sorted(filter_jurisdiction(g, "太原市"))
    ['c', 'd']
    """
    places = _sub_units(g, find_node(g, label, ["jurisdiction"], "--jurisdiction"))
    keep = set(places)
    for node in places:
        for nb in set(g.predecessors(node)) | set(g.successors(node)):
            if g.nodes[nb]["type"] != "jurisdiction":
                keep.add(nb)
    keep |= {d for r in list(keep) if g.nodes[r]["type"] == "report" for d in g.successors(r)
             if g.nodes[d]["type"] == "document"}
    return g.subgraph(keep).copy()


def filter_programme(g: nx.MultiDiGraph, label: str) -> nx.MultiDiGraph:
    """A programme with its adopters, the outcomes measuring it and the reports about its adopters.

    >>> g = nx.MultiDiGraph(); _ = g.add_edge("j", "p", key="a", type="adopted")
    >>> g.nodes["p"].update(label="河长制", type="programme"); g.nodes["j"].update(label="x", type="jurisdiction")
    >>> sorted(filter_programme(g, "河长制"))
    ['j', 'p']
    """
    prog = find_node(g, label, ["programme"], "--program")
    keep = {prog} | set(g.predecessors(prog)) | set(g.successors(prog))
    keep |= {r for j in list(keep) if g.nodes[j]["type"] == "jurisdiction"
             for r, _, t in g.in_edges(j, data="type") if t == "reports_on"}
    return g.subgraph(keep).copy()


def focus(g: nx.MultiDiGraph, label: str, depth: int = 1) -> nx.MultiDiGraph:
    """The ego graph (edges in either direction) within `depth` steps of the node named `label`.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c")]); nx.set_node_attributes(g, {n: n for n in g}, "label")
    >>> sorted(focus(g, "a", depth=1))
    ['a', 'b']
    """
    if depth < 0:
        raise ParameterError(f"--depth: must be 0 or more, not {depth}")
    centre = find_node(g, label, param="--focus")
    near = _within(g, centre, depth)
    return g.copy() if len(near) == len(g) else g.subgraph(near).copy()


def _within(g: nx.Graph, centre, depth: int) -> set:
    """The nodes at most `depth` steps from `centre`, edges taken in either direction (as
    `nx.ego_graph(undirected=True)`, without its undirected copy of the whole graph)."""
    near, frontier = {centre}, [centre]
    for _ in range(depth):
        step = set()
        for node in frontier:
            step.update(g.successors(node) if g.is_directed() else g.neighbors(node))
            if g.is_directed():
                step.update(g.predecessors(node))
        frontier = step - near
        if not frontier:
            break
        near |= frontier
    return near


_focus = focus  # `view` has a parameter of the same name


def view(g: nx.MultiDiGraph, focus: str | None = None, depth: int = 1,
         types: Iterable[str] | str | None = None, year: int | None = None,
         jurisdiction: str | None = None, program: str | None = None) -> nx.MultiDiGraph:
    """Apply the filters in a fixed order: jurisdiction, program, year, focus, types.

    >>> view(nx.MultiDiGraph(), types="programme,jurisdiction").number_of_nodes()
    0
    """
    if jurisdiction:
        g = filter_jurisdiction(g, jurisdiction)
    if program:
        g = filter_programme(g, program)
    if year is not None:
        g = filter_year(g, int(year))
    if focus:
        g = _focus(g, focus, depth)
    if types:
        g = filter_types(g, types.split(",") if isinstance(types, str) else types)
    return g


def anchored(source, focus: str | None = None, depth: int = 1,
             types: Iterable[str] | str | None = None, year: int | None = None,
             jurisdiction: str | None = None, program: str | None = None) -> nx.MultiDiGraph:
    """`view` of the store, reading only what it draws: a jurisdiction, a programme or a focus is
    resolved through the key index and the graph is fetched from it outwards (a jurisdiction: its
    sub-units, what they did and the documents their reports cite; a programme: its adopters, its
    outcomes and the reports about its adopters; a focus: `depth` steps); types and year go into the
    queries. The result is the `view` of the whole network, without building the whole network.

    >>> import pyoxigraph as ox
    >>> anchored(ox.Store(), types="programme").number_of_nodes()
    0
    """
    from kg.sparql.binding import resolve_jurisdictions, resolve_programmes
    from kg.network.graph import build_graph, neighbourhood
    from kg.network.focus import resolve_focus
    types = types.split(",") if isinstance(types, str) else types
    if types:
        filter_types(nx.MultiDiGraph(), types)   # an unknown type fails before any query
    year = int(year) if year is not None else None
    if depth < 0:
        raise ParameterError(f"--depth: must be 0 or more, not {depth}")
    if jurisdiction:
        seeds = [p.value for p in resolve_jurisdictions(source, jurisdiction, param="--jurisdiction")]
        top = _topmost(source, seeds)
        nodes, edges = neighbourhood(source, seeds, 1, year)
        _extend(source, nodes, edges, "cites", nodes["report"], year)
        g = build_graph(source, year=year, nodes=nodes, edges=edges)
        return view(g, depth=depth, types=types, year=year, program=program, focus=focus, jurisdiction=top)
    if program:
        seeds = [p.value for p in resolve_programmes(source, program, exact=True, param="--program")]
        nodes, edges = neighbourhood(source, seeds, 1, year)
        _extend(source, nodes, edges, "reports_on", nodes["jurisdiction"], year, side="objects")
        g = build_graph(source, year=year, nodes=nodes, edges=edges)
        return view(g, depth=depth, types=types, year=year, program=seeds[0], focus=focus)
    if focus:
        centre = resolve_focus(source, focus)
        nodes, edges = neighbourhood(source, [centre], depth, year)
        g = build_graph(source, year=year, nodes=nodes, edges=edges)
        return view(g, depth=depth, types=types, year=year, focus=centre)
    g = build_graph(source, year=year, types=None if year is not None else types)
    return view(g, types=types, year=year)


def _topmost(source, places: list[str]) -> str:
    """The place of `places` that is no sub-unit of another of them (the one asked about)."""
    from kg.network.graph import _Fetch
    inner = {r["s"] for r in _Fetch(source, None).edges("partOf", subjects=places) if r["o"] in set(places)}
    return sorted(set(places) - inner)[0] if set(places) - inner else places[0]


def _extend(source, nodes: dict, edges: list, kind: str, anchor: set, year, side: str = "subjects") -> None:
    """Add one more edge kind around ``anchor`` (and the nodes it reaches) to a neighbourhood."""
    from kg.network.graph import _Fetch
    from kg.network.queries import ENDS
    if not anchor:
        return
    rows = _Fetch(source, year).edges(kind, **{side: anchor})
    a, b = ENDS[kind]
    nodes[a] |= {r["s"] for r in rows}
    nodes[b] |= {r["o"] for r in rows}
    edges.append((kind, rows))


def bipartite(g: nx.MultiDiGraph) -> nx.Graph:
    """Jurisdiction–programme graph: one edge per adopting pair, with `years` and `weight` (adoptions).

    >>> g = nx.MultiDiGraph(); g.add_node("j", type="jurisdiction"); g.add_node("p", type="programme")
    >>> _ = g.add_edge("j", "p", key="a1", type="adopted", year=2021); _ = g.add_edge("j", "p", key="a2", type="adopted", year=2020)
    >>> bipartite(g).edges["j", "p"]["years"]
    [2020, 2021]
    """
    b = nx.Graph()
    for n, d in g.nodes(data=True):
        if d.get("type") in ("jurisdiction", "programme"):
            b.add_node(n, **d, bipartite=0 if d["type"] == "jurisdiction" else 1)
    for u, v, d in g.edges(data=True):
        if d.get("type") != "adopted":
            continue
        if not b.has_edge(u, v):
            b.add_edge(u, v, type="adopted", weight=0, years=[])
        b.edges[u, v]["weight"] += 1
        if d.get("year") is not None:
            b.edges[u, v]["years"] = sorted({*b.edges[u, v]["years"], d["year"]})
    return b


def co_adoption(g: nx.MultiDiGraph) -> nx.Graph:
    """Jurisdiction–jurisdiction graph; edge `weight` = number of programmes both adopted (`shared`).

    >>> g = nx.MultiDiGraph(); g.add_nodes_from(["a", "b"], type="jurisdiction"); g.add_node("p", type="programme")
    >>> _ = g.add_edge("a", "p", type="adopted"); _ = g.add_edge("b", "p", type="adopted")
    >>> co_adoption(g).edges["a", "b"]["weight"]
    1
    """
    b = bipartite(g)
    places = [n for n, d in b.nodes(data=True) if d["bipartite"] == 0]
    c = nx.bipartite.weighted_projected_graph(b, places)
    for u, v, d in c.edges(data=True):
        d["type"] = "co_adoption"
        d["shared"] = sorted(str(g.nodes[p].get("label", p)) for p in set(b[u]) & set(b[v]))
    return c
