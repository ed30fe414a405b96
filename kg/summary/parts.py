"""The three parts of graph/summary, each keyed so that a chunk of keys is computed on its own:
adopters by concept, citations by document, indicator names by name. Per part: its keys (those the
reports give and those the summary holds, each once, streamed), the quads of a chunk of keys as the
reports give them, and the quads the summary holds for them.

Every query binds a chunk of keys with VALUES: the engine's joins are built from that chunk's
matches, never from the whole corpus, and Python holds one chunk at a time.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

from pyoxigraph import Literal, NamedNode, Quad

from kg.rdf.vocab import (GK, GK_TERMS, GRAPH_CONCEPTS, GRAPH_PLACES, GRAPH_SUMMARY, PREFIXES, RDF_TYPE, XSD,
                          Namespace)

__all__ = ["PARTS", "Part", "SGK", "SUMMARY_TERMS", "SEPARATOR", "marker", "run", "values"]

SUMMARY_TERMS = ("Summary", "adoptedIn", "adopterCount", "adopterNames", "citingReports", "citingPlaces", "indicatorName")
SGK = Namespace(str(GK), GK_TERMS + SUMMARY_TERMS)
SEPARATOR = "、"
_G = NamedNode(GRAPH_SUMMARY)
_S = f"<{GRAPH_SUMMARY}>"


def run(store, sparql: str):
    head = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    return store.query(head + sparql, use_default_graph_as_union=True)


def values(terms) -> str:
    """Terms as the body of a VALUES clause (N-Triples syntax, which SPARQL reads)."""
    return " ".join(str(t) for t in terms)


def marker() -> Quad:
    return Quad(_G, RDF_TYPE, SGK.Summary, _G)


def _keys(given: str, held: str) -> str:
    """Every key of a part, each once: those the reports give (`given`; a superset does no harm, a key
    without statements has none) and those graph/summary holds (`held`; gone from the reports, their
    statements go). The engine keeps the distinct keys only: programmes, documents, names."""
    return f"SELECT DISTINCT ?k WHERE {{ {{ {given} }} UNION {{ GRAPH {_S} {{ {held} }} }} }}"


def _q(s, p: NamedNode, o) -> Quad:
    return Quad(s, p, o, _G)


def _int(n: int) -> Literal:
    return Literal(str(n), datatype=XSD.integer)


_LABELS = f"SELECT ?j ?l WHERE {{ VALUES ?j {{ %s }} GRAPH <{GRAPH_PLACES}> {{ ?j rdfs:label ?l }} }}"


def _labels(store, places: set[str]) -> dict[str, str]:
    """Place IRI → its least label (the same whatever the row order), for the places of one chunk."""
    found: dict[str, str] = {}
    ordered = sorted(places)
    for i in range(0, len(ordered), 1000):
        for row in run(store, _LABELS % " ".join(f"<{j}>" for j in ordered[i:i + 1000])):
            j, label = row["j"].value, row["l"].value
            found[j] = min(label, found.get(j, label))
    return found


def _names(places: set[str], labels: dict[str, str]) -> Literal:
    """The places' labels (else IRIs), sorted and joined: one string a query returns as it is."""
    return Literal(SEPARATOR.join(sorted(labels.get(j, j) for j in places)))


# --- adopters: C gk:adoptedIn J ; gk:adopterCount n ; gk:adopterNames "…", C a concept (or an unmapped programme)
_CONCEPT_KEYS = _keys(f"{{ GRAPH <{GRAPH_CONCEPTS}> {{ ?p gk:concept ?k }} }} UNION {{ GRAPH ?r {{ ?a gk:programme ?k }} }}",
                      "?k gk:adoptedIn|gk:adopterCount|gk:adopterNames ?o")
_MEMBERS = f"""SELECT ?p ?k WHERE {{
  {{ VALUES ?k {{ %(keys)s }} GRAPH <{GRAPH_CONCEPTS}> {{ ?p gk:concept ?k }} }}
  UNION {{ VALUES ?k {{ %(keys)s }} BIND(?k AS ?p) FILTER NOT EXISTS {{ GRAPH <{GRAPH_CONCEPTS}> {{ ?k gk:concept ?c }} }} }} }}"""
# each pattern in its own sub-select: Oxigraph then hash-joins them, the chunk's side (bound by VALUES)
# built and the others streamed past it; a nested loop of index lookups costs ~4× as long on a disk store
_ADOPTERS = """SELECT DISTINCT ?p ?j WHERE {
  { SELECT ?a ?r ?p WHERE { VALUES ?p { %s } GRAPH ?r { ?a gk:programme ?p } } }
  { SELECT ?a ?r ?j WHERE { GRAPH ?r { ?a gk:jurisdiction ?j } } }
  { SELECT ?a ?r WHERE { GRAPH ?r { ?a a gk:Adoption } } } }"""


def _adopters(store, keys: list) -> list[Quad]:
    concepts: dict[str, list[str]] = defaultdict(list)       # programme → the keys it counts for
    for row in run(store, _MEMBERS % {"keys": values(keys)}):
        concepts[row["p"].value].append(row["k"].value)
    if not concepts:
        return []
    places: dict[str, set[str]] = defaultdict(set)
    for row in run(store, _ADOPTERS % " ".join(f"<{p}>" for p in sorted(concepts))):
        for k in concepts[row["p"].value]:
            places[k].add(row["j"].value)
    labels = _labels(store, set().union(*places.values()))
    quads = []
    for c, found in sorted(places.items()):
        node = NamedNode(c)
        quads += [_q(node, SGK.adoptedIn, NamedNode(j)) for j in sorted(found)]
        quads += [_q(node, SGK.adopterCount, _int(len(found))), _q(node, SGK.adopterNames, _names(found, labels))]
    return quads


# --- citations: D gk:citingReports n ; gk:citingPlaces "…" (the places of the citing reports)
_DOCUMENT_KEYS = _keys("GRAPH ?r { ?c gk:document ?k }", "?k gk:citingReports|gk:citingPlaces ?o")
_CITING = """SELECT ?k ?r ?j WHERE { { SELECT DISTINCT ?k ?r WHERE {
  { SELECT ?c ?r ?k WHERE { VALUES ?k { %s } GRAPH ?r { ?c gk:document ?k } } }
  { SELECT ?c ?r WHERE { GRAPH ?r { ?c a gk:Citation } } } } }
  OPTIONAL { GRAPH ?r { ?r a gk:Report ; gk:jurisdiction ?j } } }"""


def _citing(store, keys: list) -> list[Quad]:
    reports: dict[str, set[str]] = defaultdict(set)
    places: dict[str, set[str]] = defaultdict(set)
    for row in run(store, _CITING % values(keys)):
        d = row["k"].value
        reports[d].add(row["r"].value)
        if row["j"] is not None:
            places[d].add(row["j"].value)
    labels = _labels(store, set().union(*places.values()))
    quads = []
    for d, found in sorted(reports.items()):
        quads.append(_q(NamedNode(d), SGK.citingReports, _int(len(found))))
        if places[d]:
            quads.append(_q(NamedNode(d), SGK.citingPlaces, _names(places[d], labels)))
    return quads


# --- indicator names: <graph/summary> gk:indicatorName "…" (every distinct outcome indicator)
_INDICATOR_KEYS = _keys("GRAPH ?g { ?o gk:indicator ?k }", f"{_S} gk:indicatorName ?k")
_INDICATORS = "SELECT DISTINCT ?k WHERE { VALUES ?k { %s } GRAPH ?g { ?o gk:indicator ?k } }"


def _indicators(store, keys: list) -> list[Quad]:
    return [_q(_G, SGK.indicatorName, row["k"]) for row in run(store, _INDICATORS % values(keys))]


@dataclass(frozen=True)
class Part:
    """One part of the summary: its keys, its quads per chunk of keys as the reports give them and
    as graph/summary holds them."""

    name: str
    keys: str                                  # every key, each once (`_keys`)
    compute: Callable[[object, list], list[Quad]]
    stored: str                                # ?s ?p ?o graph/summary holds for VALUES ?k { %s }
    chunk: int                                 # keys per chunk


_BY_SUBJECT = f"SELECT ?s ?p ?o WHERE {{ VALUES ?k {{ %s }} GRAPH {_S} {{ ?k ?p ?o }} BIND(?k AS ?s) FILTER(%s) }}"
_ADOPTER_TERMS = "?p IN (gk:adoptedIn, gk:adopterCount, gk:adopterNames)"
_CITING_TERMS = "?p IN (gk:citingReports, gk:citingPlaces)"

PARTS = (
    Part("adopters", _CONCEPT_KEYS,
         _adopters, _BY_SUBJECT.replace("FILTER(%s)", f"FILTER({_ADOPTER_TERMS})"), 64),
    Part("citations", _DOCUMENT_KEYS,
         _citing, _BY_SUBJECT.replace("FILTER(%s)", f"FILTER({_CITING_TERMS})"), 4096),
    Part("indicators", _INDICATOR_KEYS,
         _indicators,
         f"SELECT ?s ?p ?o WHERE {{ VALUES ?o {{ %s }} GRAPH {_S} {{ {_S} gk:indicatorName ?o }} "
         f"BIND({_S} AS ?s) BIND(gk:indicatorName AS ?p) }}", 512),
)
