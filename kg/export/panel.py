"""The adoption panel CSV: one row per jurisdiction × programme, with the first year it was reported
(the minimum over all adoptions), that adoption's status and report.

Over a whole store it is one SPARQL query over the adoptions (`ADOPTIONS`, one row per adoption,
reduced here) and three small ones describing the places, programmes and reports they name; with view
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
_P = """PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX gkg: <https://w3id.org/govkg/graph/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
# the one query over every adoption; what its rows name (places, programmes, reports) is described
# once per entity by the small queries below and joined here, not once per adoption in the store.
# Each property is its own sub-select, so Oxigraph reads each with one scan and hash-joins them: as
# patterns of one group it looks every adoption's properties up one by one (measured on 1,000
# reports: 3.3 s against 7–9 s). The adoptions come back one row per report, as one string
# (`_FIELD` between a record's fields, `_RECORD` between records): Oxigraph decodes each term it
# returns from its dictionary (a RocksDB read, 1.5–4 µs), so a report IRI decoded once per report
# and no Python object per term halves the query (10,000 reports, 388,000 adoptions: 8.5 CPU-s → 4.8)
_FIELD, _RECORD = "\u001f", "\u001e"
ADOPTIONS = _P + """SELECT ?r (GROUP_CONCAT(CONCAT(STR(?j), "\\u001f", STR(?p), "\\u001f", COALESCE(STR(?year), ""),
    "\\u001f", COALESCE(STR(?status), "")); SEPARATOR="\\u001e") AS ?adoptions) WHERE {
  { SELECT ?a ?r WHERE { GRAPH ?r { ?a a gk:Adoption } } }
  { SELECT ?a ?r ?j WHERE { GRAPH ?r { ?a gk:jurisdiction ?j } } }
  { SELECT ?a ?r ?p WHERE { GRAPH ?r { ?a gk:programme ?p } } }
  OPTIONAL { SELECT ?a ?r ?year WHERE { GRAPH ?r { ?a gk:year ?year } } }
  OPTIONAL { SELECT ?a ?r ?status WHERE { GRAPH ?r { ?a gk:status ?status } } } } GROUP BY ?r"""
REPORTS = _P + """SELECT ?r ?year ?label WHERE { GRAPH ?r { { ?r gk:year ?year } UNION { ?r rdfs:label ?label } } }"""
PLACES = _P + """SELECT ?j ?place ?adcode ?parent WHERE {
  GRAPH gkg:places { ?j rdfs:label ?place OPTIONAL { ?j gk:adcode ?adcode } OPTIONAL { ?j gk:partOf/rdfs:label ?parent } } }"""
# a thesaurus programme's type is stated in the thesaurus graph only
PROGRAMMES = _P + """SELECT ?p ?programme ?type WHERE {
  GRAPH gkg:programmes { ?p rdfs:label ?programme } OPTIONAL { ?p gk:programmeType ?type } }"""


def _least(rows, key: str, *columns: str) -> dict:
    """key value → the least value of each column over its rows (None only where every row lacks it)."""
    out: dict = {}
    for row in rows:
        slot = out.setdefault(row[key], [None] * len(columns))
        for i, column in enumerate(columns):
            value = row[column]
            if value is not None and (slot[i] is None or str(value) < str(slot[i])):
                slot[i] = value
    return out


def _year(text: str):
    """An adoption's gk:year (xsd:integer, the shapes say) from its lexical form, as `to_python` gives it."""
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return text


def _adoptions(source: Any):
    """(jurisdiction IRI, programme IRI, own year, status, report IRI) of every adoption (`ADOPTIONS`).

    >>> import pyoxigraph as ox
    >>> list(_adoptions(ox.Store()))
    []
    """
    from kg.sparql.rows import store_of
    for solution in store_of(source).query(ADOPTIONS, use_default_graph_as_union=True):
        r, packed = solution["r"], solution["adoptions"]
        if r is None or packed is None or not packed.value:
            continue
        for record in packed.value.split(_RECORD):
            j, p, year, status = record.split(_FIELD, 3)
            yield j, p, _year(year), status or None, r.value


def store_rows(source: Any) -> list[dict[str, Any]]:
    """The panel of a whole store from one query over the adoptions (no network is built).

    >>> import pyoxigraph as ox
    >>> store_rows(ox.Store())
    []
    """
    from kg.sparql.rows import select
    places = _least(select(source, PLACES), "j", "place", "adcode", "parent")
    programmes = _least(select(source, PROGRAMMES), "p", "programme", "type")
    reports: dict = {}
    for row in select(source, REPORTS):
        year, label = reports.setdefault(row["r"], [None, None])
        if row["year"] is not None and (year is None or row["year"] < year):
            reports[row["r"]][0] = row["year"]
        if row["label"] is not None and (label is None or row["label"] < label):
            reports[row["r"]][1] = row["label"]
    first: dict[tuple, tuple] = {}
    for j, p, own_year, status, r in _adoptions(source):
        if j not in places or p not in programmes:
            continue
        report_year, report = reports.get(r, (None, None))
        year = own_year if own_year is not None else report_year
        # ties (two adoptions of one pair in one report) go to a stated status, then the least one
        rank = (year is None, year or 0, report or "", status is None, status or "")
        if (j, p) not in first or rank < first[(j, p)][0]:
            first[(j, p)] = (rank, year, status, report)
    rows = []
    for (j, p), (_, year, status, report) in first.items():
        place, adcode, parent = places[j]
        programme, kind = programmes[p]
        rows.append({"jurisdiction": place, "adcode": adcode or "", "parent": parent or "",
                     "programme": programme, "type": kind or "", "first_year": year,
                     "status": status or "", "report": report or ""})
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
        rank = (data.get("year") is None, data.get("year") or 0, data.get("report") or "",
                not data.get("status"), data.get("status") or "")
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
