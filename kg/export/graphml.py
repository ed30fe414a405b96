"""Network graph → GraphML (streamed, `kg.export.graphml_stream`), with list and None attributes
flattened to strings and an integer `start` year on every dated node and edge (for Gephi's timeline)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import ExportError

__all__ = ["write", "flat_copy", "flat_attrs", "graph_of"]


_SCALARS = (str, int, float, bool)
_LISTS = (list, tuple, set)


def _flat(value: Any) -> Any:
    if type(value) in _SCALARS:
        return value
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}={v}" for k, v in value.items())
    return value


def flat_copy(g: nx.Graph, rename: dict[str, str] | None = None) -> nx.Graph:
    """A copy whose attributes are all str/int/float/bool (None dropped, lists joined with '; ').

    `rename` maps attribute names to new ones (GEXF reserves some names).

    >>> g = nx.MultiDiGraph(); g.add_node("a", years=[2020, 2021], unit=None)
    >>> dict(flat_copy(g).nodes["a"])
    {'years': '2020; 2021'}
    """
    rename = rename or {}
    out = g.__class__()
    for node, data in g.nodes(data=True):
        out.add_node(node, **{rename.get(k, k): _flat(v) for k, v in data.items() if v is not None})
    edges = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, d) for u, v, d in g.edges(data=True))
    for u, v, key, data in edges:
        attrs = {rename.get(k, k): _flat(v) for k, v in data.items() if v is not None}
        if g.is_multigraph():
            out.add_edge(u, v, key=key, **attrs)
        else:
            out.add_edge(u, v, **attrs)
    return out


def graph_of(source: Any, view_options: dict) -> nx.Graph:
    """A networkx view of `source`: itself filtered if it is a graph, else built from the store.

    >>> graph_of(nx.MultiDiGraph(), {}).number_of_nodes()
    0
    """
    from kg.network.graph import to_networkx
    from kg.network.views import view
    if isinstance(source, nx.Graph):
        return view(source, **view_options)
    return to_networkx(source, **view_options)


def flat_attrs(data: dict) -> dict[str, Any]:
    """One node's or edge's attributes as written: flattened (`_flat`), None left out, and an integer
    `start` year (for Gephi's timeline) where the record is dated.

    >>> flat_attrs({"years": [2021, 2019], "unit": None})
    {'years': '2021; 2019', 'start': 2019}
    """
    from kg.export.gexf import start_year
    out = {k: _flat(v) for k, v in data.items() if v is not None}
    if (year := start_year(out)) is not None:
        out["start"] = year
    return out


def _keys(scope: str, records) -> set[tuple[str, str, type]]:
    """`keys_of(scope, (flat_attrs(d) for d in records))` without flattening every value: a list, set
    or dict is written as a string; `start` is an integer wherever `flat_attrs` adds it.

    >>> from kg.export.graphml_stream import keys_of
    >>> _keys("node", [{"years": [2021], "unit": None, "label": "x"}]) == keys_of("node", [flat_attrs({"years": [2021], "unit": None, "label": "x"})])
    True
    >>> sorted(_keys("edge", [{"start": "x"}, {"year": 2020, "start": "y"}]), key=str)
    [('edge', 'start', <class 'int'>), ('edge', 'start', <class 'str'>), ('edge', 'year', <class 'int'>)]
    """
    from kg.export.gexf import start_year
    pairs: set[tuple[str, type]] = set()
    dated_seen = False
    for data in records:
        # the (name, type) pairs of a record, collected at C speed; a record's own `start` counts only
        # where it is not dated (there `flat_attrs` writes its start year over it)
        pairs.update(zip(data.keys(), map(type, data.values())))
        if "start" in data:
            dated = start_year({"year": data.get("year"), "years": _flat(data.get("years"))}) is not None
            if not dated and data["start"] is not None:
                pairs.add(("gk own start", str if isinstance(data["start"], (list, tuple, set, dict)) else type(data["start"])))
            dated_seen = dated_seen or dated
        elif not dated_seen:
            dated_seen = start_year({"year": data.get("year"), "years": _flat(data.get("years"))}) is not None
    out = set()
    for name, kind in pairs:
        if kind is type(None) or name == "start":
            continue
        if name == "gk own start":
            name = "start"
        out.add((scope, name, str if issubclass(kind, (list, tuple, set, dict)) else kind))
    if dated_seen:
        out.add((scope, "start", int))
    return out


def _records(g: nx.Graph):
    """(nodes, edges) of `g` as flat records, each an iterator made afresh on every call."""
    multi = g.is_multigraph()
    nodes = lambda: ((n, flat_attrs(d)) for n, d in g.nodes(data=True))  # noqa: E731
    edges = lambda: ((u, v, k, flat_attrs(d)) for u, v, k, d in  # noqa: E731
                     (g.edges(keys=True, data=True) if multi else ((u, v, None, d) for u, v, d in g.edges(data=True))))
    return nodes, edges


def write(source: Any, path: str | Path, provenance: str | None = None, **view_options: Any) -> Path:
    """Write the (filtered) network of `source` as GraphML, streamed (`GraphMLStream`); node ids are IRIs.
    `provenance` goes into the graph's data.

    >>> import tempfile, os
    >>> g = nx.MultiDiGraph(); _ = g.add_edge("a", "b", key="k", type="cites", years=[2020])
    >>> p = write(g, os.path.join(tempfile.mkdtemp(), "g.graphml"))
    >>> nx.read_graphml(p).number_of_edges()
    1
    """
    from kg.export.graphml_stream import GraphMLStream
    path = Path(path)
    g = graph_of(source, view_options)
    nodes, edges = _records(g)
    multi = g.is_multigraph()
    keys = _keys("node", (d for _, d in g.nodes(data=True))) | _keys(
        "edge", (d for *_, d in (g.edges(keys=True, data=True) if multi else g.edges(data=True))))
    try:
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            out = GraphMLStream(handle, keys, directed=g.is_directed(), provenance=provenance)
            for node, data in nodes():
                out.node(node, data)
            for u, v, key, data in edges():
                out.edge(u, v, key, data)
            out.close()
    except OSError as exc:
        raise ExportError(f"{path}: cannot write GraphML ({exc.strerror})") from exc
    return path
