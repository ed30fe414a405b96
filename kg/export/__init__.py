"""Exports of the store: `EXPORTERS` maps a format name to `write(source, path, **options)`.

`panel` is the event-history panel (csv, parquet or dta; `format`, `program`, `min_adopters`).
Graph formats (html, graphml, gexf, csv) take the view options of `kg.network.views.view`
(focus, depth, types, year, jurisdiction, program; html also color_by); RDF formats (ttl, trig, nq,
jsonld) always dump the whole store. Writers are imported only when called (pyvis is heavy).
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any, Callable

from kg.errors import ExportError

__all__ = ["EXPORTERS", "GRAPH_FORMATS", "RDF_FORMATS", "PANEL_OPTIONS", "export", "write_demo_page"]


def _lazy(module: str, name: str = "write") -> Callable[..., Path]:
    def writer(source: Any, path: str | Path, **options: Any) -> Path:
        return getattr(import_module(f"kg.export.{module}"), name)(source, path, **options)
    writer.__name__ = f"{module}.{name}"
    writer.__doc__ = f"Lazily calls kg.export.{module}.{name}."
    return writer


EXPORTERS: dict[str, Callable[..., Path]] = {
    "html": _lazy("html"), "graphml": _lazy("graphml"), "gexf": _lazy("gexf"), "csv": _lazy("panel"),
    "ttl": _lazy("rdf", "write_ttl"), "trig": _lazy("rdf", "write_trig"),
    "nq": _lazy("rdf", "write_nq"), "jsonld": _lazy("rdf", "write_jsonld"),
    "panel": _lazy("eventpanel_write"),
}
GRAPH_FORMATS = ("html", "graphml", "gexf", "csv")
RDF_FORMATS = ("ttl", "trig", "nq", "jsonld")
PANEL_OPTIONS = ("format", "program", "min_adopters")  # the event-history panel's own options


def export(source: Any, fmt: str, path: str | Path, **options: Any) -> Path:
    """Write `source` (a pyoxigraph Store, a KnowledgeGraph or a networkx graph) to `path` as `fmt`.

    Options left as None are ignored. Raises ExportError for an unknown format or for view options
    given to an RDF format.

    >>> import pyoxigraph as ox, tempfile, os
    >>> export(ox.Store(), "nq", os.path.join(tempfile.mkdtemp(), "kg.nq"), focus=None).suffix
    '.nq'
    """
    if fmt not in EXPORTERS:
        raise ExportError(f"format: unknown export format {fmt!r} (choose from {', '.join(EXPORTERS)})")
    options = {k: v for k, v in options.items() if v is not None}
    if fmt in RDF_FORMATS and options:
        raise ExportError(f"--{sorted(options)[0].replace('_', '-')}: {fmt} exports the whole store; "
                          f"view options apply to {', '.join(GRAPH_FORMATS)} only")
    if fmt == "panel" or "format" in options or "min_adopters" in options:
        return _panel(source, fmt, path, options)
    if fmt != "html" and "color_by" in options:
        raise ExportError(f"--color-by: applies to the html export only, not {fmt}")
    written = EXPORTERS[fmt](source, path, **options)
    return _stamp(source, fmt, written)


def _stamp(source: Any, fmt: str, path: Path) -> Path:
    """Provenance (tool version, store, reports, dates) into the file where its format allows it."""
    from kg.export.stamp import STAMPED, stamp
    if fmt not in STAMPED:
        return path
    import networkx as nx
    if isinstance(source, nx.Graph):
        from kg import __version__
        line = f"govkg {__version__} · from a networkx graph"
    else:
        from kg.export.provenance import provenance, provenance_line
        line = provenance_line(provenance(source))
    return stamp(path, fmt, line)


def _panel(source: Any, fmt: str, path: str | Path, options: dict) -> Path:
    if fmt != "panel":
        option = "format" if "format" in options else "min_adopters"
        raise ExportError(f"--{option.replace('_', '-')}: applies to the panel export only, not {fmt}")
    other = sorted(set(options) - set(PANEL_OPTIONS))
    if other:
        raise ExportError(f"--{other[0].replace('_', '-')}: the panel export takes only "
                          "--format, --program and --min-adopters")
    return EXPORTERS["panel"](source, path, **options)


def write_demo_page(kg_or_store: Any, path: str | Path) -> Path:
    """The `govkg demo` page: the whole network as one offline HTML file, jurisdictions by province.

    >>> import pyoxigraph as ox, tempfile, os
    >>> write_demo_page(ox.Store(), os.path.join(tempfile.mkdtemp(), "graph.html")).name
    'graph.html'
    """
    return EXPORTERS["html"](kg_or_store, path, color_by="province", title="govkg demo network")
