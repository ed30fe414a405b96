"""The adoption panel CSV: one row per jurisdiction × programme, with the first year it was reported
(the minimum over all adoptions), that adoption's status and report.

Over a whole store it is one SPARQL query (`PANEL`, one row per adoption, reduced here); with view
options (focus, year, …) it is read off the network view those options select.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import ExportError

__all__ = ["write", "panel_rows", "COLUMNS"]

COLUMNS = ["jurisdiction", "adcode", "parent", "programme", "type", "first_year", "status", "report"]
PANEL = """PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX gkg: <https://w3id.org/govkg/graph/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?j ?p ?year ?status ?report ?place ?adcode ?parent ?programme ?type WHERE {
  GRAPH ?r { ?a gk:jurisdiction ?j ; a gk:Adoption ; gk:programme ?p .
    OPTIONAL { ?a gk:year ?ay } OPTIONAL { ?r gk:year ?ry } OPTIONAL { ?a gk:status ?status }
    OPTIONAL { ?r rdfs:label ?report } }
  BIND(COALESCE(?ay, ?ry) AS ?year)
  GRAPH gkg:places { ?j rdfs:label ?place OPTIONAL { ?j gk:adcode ?adcode }
    OPTIONAL { ?j gk:partOf/rdfs:label ?parent } }
  GRAPH gkg:programmes { ?p rdfs:label ?programme OPTIONAL { ?p gk:programmeType ?type } }
}"""


def store_rows(source: Any) -> list[dict[str, Any]]:
    """The panel of a whole store from one query (no network is built).

    >>> import pyoxigraph as ox
    >>> store_rows(ox.Store())
    []
    """
    from kg.sparql.rows import select
    first: dict[tuple, tuple] = {}
    for row in select(source, PANEL):
        rank = (row["year"] is None, row["year"] or 0, row["report"] or "", row["parent"] or "")
        pair = (row["j"], row["p"])
        if pair not in first or rank < first[pair][0]:
            first[pair] = (rank, row)
    rows = [{"jurisdiction": r["place"], "adcode": r["adcode"] or "", "parent": r["parent"] or "",
             "programme": r["programme"], "type": r["type"] or "", "first_year": r["year"],
             "status": r["status"] or "", "report": r["report"] or ""} for _, r in first.values()]
    return sorted(rows, key=lambda r: (str(r["jurisdiction"]), str(r["programme"])))


def _parent(g: nx.Graph, node: Any) -> str:
    parents = sorted(str(g.nodes[v].get("label", v)) for _, v, t in g.out_edges(node, data="type")
                     if t == "partOf")
    return parents[0] if parents else ""


def panel_rows(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Rows of the panel, sorted by jurisdiction then programme.

    >>> g = nx.MultiDiGraph(); g.add_node("j", label="甲县", type="jurisdiction"); g.add_node("p", label="河长制", type="programme")
    >>> _ = g.add_edge("j", "p", type="adopted", year=2021); _ = g.add_edge("j", "p", type="adopted", year=2019, status="pilot")
    >>> [(r["jurisdiction"], r["programme"], r["first_year"], r["status"]) for r in panel_rows(g)]
    [('甲县', '河长制', 2019, 'pilot')]
    """
    first: dict[tuple, dict] = {}
    for u, v, data in g.edges(data=True):
        if data.get("type") != "adopted":
            continue
        rank = (data.get("year") is None, data.get("year") or 0, data.get("report") or "")
        if (u, v) not in first or rank < first[(u, v)][0]:
            first[(u, v)] = (rank, data)
    rows = []
    for (j, p), (_, data) in first.items():
        jd, pd = g.nodes[j], g.nodes[p]
        rows.append({"jurisdiction": jd.get("label", j), "adcode": jd.get("adcode") or "",
                     "parent": _parent(g, j), "programme": pd.get("label", p),
                     "type": pd.get("programme_type") or "", "first_year": data.get("year"),
                     "status": data.get("status") or "", "report": data.get("report") or ""})
    return sorted(rows, key=lambda r: (str(r["jurisdiction"]), str(r["programme"])))


def write(source: Any, path: str | Path, **view_options: Any) -> Path:
    """Write the panel CSV (UTF-8 with a BOM so spreadsheet programs read the Chinese correctly).

    >>> import tempfile, os
    >>> p = write(nx.MultiDiGraph(), os.path.join(tempfile.mkdtemp(), "panel.csv"))
    >>> p.read_text(encoding="utf-8-sig").split(",")[:2]
    ['jurisdiction', 'adcode']
    """
    from kg.export.graphml import graph_of
    if view_options or isinstance(source, nx.Graph):
        rows = panel_rows(graph_of(source, view_options))
    else:
        rows = store_rows(source)
    path = Path(path)
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write the panel CSV ({exc.strerror})") from exc
    return path
