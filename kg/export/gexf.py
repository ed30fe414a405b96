"""Network graph → GEXF for Gephi (networkx writer). GEXF reserves the edge attribute `type`
(directed/undirected), so the edge's relation is written as `relation` and as the edge label.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import ExportError
from kg.export.graphml import flat_copy, graph_of

__all__ = ["write"]


def write(source: Any, path: str | Path, **view_options: Any) -> Path:
    """Write the (filtered) network of `source` as GEXF 1.2.

    >>> import tempfile, os
    >>> g = nx.MultiDiGraph(); _ = g.add_edge("a", "b", key="k", type="cites")
    >>> p = write(g, os.path.join(tempfile.mkdtemp(), "g.gexf"))
    >>> nx.read_gexf(p).number_of_edges()
    1
    """
    g = graph_of(source, view_options)
    flat = flat_copy(g, rename={"type": "relation"})
    for node, data in g.nodes(data=True):  # a node's type becomes `node_type`
        if "type" in data:
            flat.nodes[node]["node_type"] = flat.nodes[node].pop("relation")
    for *_, data in flat.edges(data=True):
        if "relation" in data:
            data["label"] = data["relation"]
    path = Path(path)
    try:
        nx.write_gexf(flat, path)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write GEXF ({exc.strerror})") from exc
    return path
