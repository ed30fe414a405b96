"""The network/export side of `KnowledgeGraph`: `to_networkx` and `export` as methods.

`NetworkMixin` needs only ``self.store`` (a `pyoxigraph.Store`, or an object wrapping one), like
`kg.api.QueryMixin`; `KnowledgeGraph` lists it among its bases.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["NetworkMixin"]


class NetworkMixin:
    """Network views and exports of the store.

    >>> import pyoxigraph as ox
    >>> class Graph(NetworkMixin):
    ...     def __init__(self, store): self.store = store
    >>> Graph(ox.Store()).to_networkx(types="programme").number_of_nodes()
    0
    """

    def to_networkx(self, focus: str | None = None, depth: int = 1, types: Any = None,
                    year: int | None = None, jurisdiction: str | None = None,
                    program: str | None = None):
        """The store as a typed `networkx.MultiDiGraph`, optionally filtered (see `kg.network.views.view`).

        Projections: `kg.network.views.bipartite(g)` and `co_adoption(g)`.
        """
        from kg.network.graph import to_networkx
        return to_networkx(self, focus=focus, depth=depth, types=types, year=year,
                           jurisdiction=jurisdiction, program=program)

    def export(self, format: str, path: str | Path, **options: Any) -> Path:
        """Write `format` (html, graphml, gexf, csv, ttl, trig, nq, jsonld) to `path`; returns the path.

        Graph formats take the view options of `to_networkx` (html also `color_by="province"`).
        """
        from kg.export import export
        return export(self, format, path, **options)
