"""The targeted queries behind the event-history panel and the diffusion plot (data model v2: facts in
`GRAPH ?report`, shared descriptions once in graph/places and graph/programmes, `P gk:concept C`).

Descriptions are fetched one property per solution (`VALUES ?p`), never as a row of OPTIONALs, so no
pattern multiplies with the number of graphs that describe a place.
"""
from __future__ import annotations

from typing import Any, Iterable

from kg.sparql.rows import run_sparql

__all__ = ["reports", "adoptions", "describe"]

_P = """PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
_REPORTS = _P + """SELECT DISTINCT ?report ?j ?year WHERE {
  GRAPH ?report { ?report a gk:Report ; gk:jurisdiction ?j . OPTIONAL { ?report gk:year ?year } } }"""
_ADOPTIONS = _P + """SELECT ?report ?a ?j ?p ?year ?status ?spelling WHERE {
  GRAPH ?report {
    ?a a gk:Adoption ; gk:programme ?p ; gk:jurisdiction ?j .
    OPTIONAL { ?report gk:year ?reportYear }
    OPTIONAL { ?a gk:year ?ownYear }
    OPTIONAL { ?a gk:status ?status }
    OPTIONAL { ?a gk:spelling ?spelling }
  }
  BIND(COALESCE(?ownYear, ?reportYear) AS ?year)
}"""
_EVIDENCE = _P + """SELECT ?a ?start ?sentence WHERE {
  GRAPH ?report { ?a a gk:Adoption ; gk:evidence ?e . ?e gk:sentence ?sentence . OPTIONAL { ?e oa:start ?start } } }"""
_DESCRIBE = _P + """SELECT DISTINCT ?s ?p ?o WHERE {{
  VALUES ?s {{ {subjects} }}
  VALUES ?p {{ rdfs:label skos:prefLabel gk:adcode gk:level gk:partOf gk:province gk:programmeType gk:concept }}
  ?s ?p ?o }}"""
_KEYS = {"http://www.w3.org/2000/01/rdf-schema#label": "label",
         "http://www.w3.org/2004/02/skos/core#prefLabel": "prefLabel",
         "https://w3id.org/govkg/ontology#adcode": "adcode", "https://w3id.org/govkg/ontology#level": "level",
         "https://w3id.org/govkg/ontology#partOf": "parent", "https://w3id.org/govkg/ontology#province": "province",
         "https://w3id.org/govkg/ontology#programmeType": "type",
         "https://w3id.org/govkg/ontology#concept": "concept"}
_CHUNK = 400


def reports(source: Any) -> list[dict]:
    """One row per report: its IRI, its jurisdiction and its year (None if it has none).

    >>> import pyoxigraph as ox
    >>> reports(ox.Store())
    []
    """
    return list(run_sparql(source, _REPORTS, labels=False, source="panel: reports"))


def adoptions(source: Any) -> list[dict]:
    """One row per adoption: report, programme, jurisdiction, year, status, spelling, first evidence.

    >>> import pyoxigraph as ox
    >>> adoptions(ox.Store())
    []
    """
    first: dict[str, tuple] = {}
    for row in run_sparql(source, _EVIDENCE, labels=False, source="panel: evidence"):
        rank = (row["start"] is None, row["start"] or 0, row["sentence"])
        if row["a"] not in first or rank < first[row["a"]]:
            first[row["a"]] = rank
    rows = list(run_sparql(source, _ADOPTIONS, labels=False, source="panel: adoptions"))
    for row in rows:
        _, row["start"], row["sentence"] = first.get(row["a"], (True, None, None))
    return rows


def _properties(source: Any, subjects: Iterable[str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    todo = sorted(set(subjects))
    for i in range(0, len(todo), _CHUNK):
        values = " ".join(f"<{s}>" for s in todo[i:i + _CHUNK])
        for row in run_sparql(source, _DESCRIBE.format(subjects=values), labels=False, source="panel: places"):
            slot = out.setdefault(row["s"], {})
            key = _KEYS[row["p"]]
            value = str(row["o"])
            if key not in slot or value < slot[key]:  # one value per key, the same on every run
                slot[key] = value
    return out


def describe(source: Any, places: Iterable[str], programmes: Iterable[str]) -> tuple[dict, dict, dict]:
    """(places with their ancestors, programmes with their concepts, IRI → label) for the IRIs given.

    >>> import pyoxigraph as ox
    >>> describe(ox.Store(), [], [])
    ({}, {}, {})
    """
    place_info: dict[str, dict] = {}
    todo = set(places)
    while todo:  # walk up gk:partOf until every ancestor is described
        found = _properties(source, todo)
        place_info.update(found)
        todo = {d[k] for d in found.values() for k in ("parent", "province") if d.get(k)} - set(place_info)
        todo -= {s for s in todo if s in place_info}
        if not found:
            break
    programme_info = _properties(source, programmes)
    concepts = {d["concept"] for d in programme_info.values() if d.get("concept")} - set(programme_info)
    programme_info.update(_properties(source, concepts))
    labels = {s: d.get("label") or d.get("prefLabel") or s
              for s, d in {**place_info, **programme_info}.items()}
    return place_info, programme_info, labels
