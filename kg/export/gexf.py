"""Network graph → GEXF for Gephi (networkx writer). GEXF reserves the edge attribute `type`
(directed/undirected), so the edge's relation is written as `relation` and as the edge label.

The graph is dynamic (``mode="dynamic"``, ``timeformat="integer"``): a node starts in the first year
it is dated (a jurisdiction or programme: its first adoption), an edge in its year, so Gephi's
timeline plays the diffusion year by year.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import ExportError
from kg.export.graphml import flat_copy, graph_of

__all__ = ["write", "start_year"]


def start_year(data: dict):
    """The year a node or edge starts on Gephi's timeline: its own year, else its first dated year.

    >>> start_year({"years": "2021; 2019"}), start_year({"year": 2020}), start_year({})
    (2019, 2020, None)
    """
    if isinstance(data.get("year"), int):
        return data["year"]
    years = [int(y) for y in str(data.get("years", "")).replace(";", " ").split() if y.isdigit()]
    return min(years) if years else None


def _add_start_years(flat: nx.Graph) -> None:
    flat.graph["mode"] = "dynamic"
    for _, data in flat.nodes(data=True):
        if (year := start_year(data)) is not None:
            data["start"] = year
    for *_, data in flat.edges(data=True):
        if (year := start_year(data)) is not None:
            data["start"] = year


def write(source: Any, path: str | Path, **view_options: Any) -> Path:
    """Write the (filtered) network of `source` as GEXF 1.2.

    >>> import tempfile, os
    >>> g = nx.MultiDiGraph(); _ = g.add_edge("a", "b", key="k", type="adopted", year=2021)
    >>> p = write(g, os.path.join(tempfile.mkdtemp(), "g.gexf"))
    >>> nx.read_gexf(p).number_of_edges(), 'timeformat="integer"' in p.read_text()
    (1, True)
    """
    g = graph_of(source, view_options)
    flat = flat_copy(g, rename={"type": "relation"})
    for node, data in g.nodes(data=True):  # a node's type becomes `node_type`
        if "type" in data:
            flat.nodes[node]["node_type"] = flat.nodes[node].pop("relation")
    for *_, data in flat.edges(data=True):
        if "relation" in data:
            data["label"] = data["relation"]
    _add_start_years(flat)
    path = Path(path)
    try:
        with path.open("wb") as handle:
            for line in nx.generate_gexf(flat):
                # networkx names the type of int timestamps "long"; GEXF 1.2 knows "integer"
                handle.write((line.replace('timeformat="long"', 'timeformat="integer"', 1) + "\n").encode("utf-8"))
    except OSError as exc:
        raise ExportError(f"{path}: cannot write GEXF ({exc.strerror})") from exc
    return path
