"""Network graph → GraphML (networkx writer), with list and None attributes flattened to strings and
an integer `start` year on every dated node and edge (for Gephi's timeline)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import ExportError

__all__ = ["write", "flat_copy", "graph_of"]


def _flat(value: Any) -> Any:
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


def write(source: Any, path: str | Path, **view_options: Any) -> Path:
    """Write the (filtered) network of `source` as GraphML; node ids are IRIs.

    >>> import tempfile, os
    >>> g = nx.MultiDiGraph(); _ = g.add_edge("a", "b", key="k", type="cites", years=[2020])
    >>> p = write(g, os.path.join(tempfile.mkdtemp(), "g.graphml"))
    >>> nx.read_graphml(p).number_of_edges()
    1
    """
    from kg.export.gexf import start_year
    path = Path(path)
    flat = flat_copy(graph_of(source, view_options))
    for data in [d for *_, d in flat.nodes(data=True)] + [d for *_, d in flat.edges(data=True)]:
        if (year := start_year(data)) is not None:
            data["start"] = year      # an integer column Gephi's timeline can use
    try:
        nx.write_graphml(flat, path)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write GraphML ({exc.strerror})") from exc
    return path
