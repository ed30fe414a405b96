"""The node a `--focus` names, found in the store (not in a built graph): its IRI, its key in the
`gk:key` index, a report's exact label, else the one name that contains it."""
from __future__ import annotations

from kg.sparql.binding import norm, resolve_entities
from kg.sparql.candidates import ambiguous
from kg.errors import ParameterError
from kg.sparql.rows import select

__all__ = ["resolve_focus"]

_REPORT = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX gk: <https://w3id.org/govkg/ontology#>
SELECT DISTINCT ?s ?label WHERE { GRAPH ?s { ?s a gk:Report ; rdfs:label|dcterms:title ?label } }"""
_KEYS = """PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?s ?label WHERE {{ ?s gk:key ?k FILTER(CONTAINS(?k, {want})) OPTIONAL {{ ?s rdfs:label ?label }} }}"""


def resolve_focus(source, label: str) -> str:
    """The IRI of the node ``label`` names: exactly (an IRI, a key, a report's label), else the only
    name containing it (reports lose a tie to an entity).

    >>> import pyoxigraph
    >>> resolve_focus(pyoxigraph.Store(), "企业安静期")
    Traceback (most recent call last):
    ...
    kg.errors.ParameterError: --focus: no node named '企业安静期' in the store
    """
    from pyoxigraph import Literal
    try:
        return resolve_entities(source, label, param="--focus")[0].value
    except ParameterError as exc:
        if "could be" in str(exc):
            raise
    reports = [(r["s"], r["label"]) for r in select(source, _REPORT)]
    exact = sorted({s for s, l in reports if l == label.strip()})
    if len(exact) == 1:
        return exact[0]
    key = norm(label)
    entities = {r["s"]: r["label"] or r["s"] for r in select(source, _KEYS.format(want=Literal(key)))} if key else {}
    if len(entities) == 1:
        return next(iter(entities))
    named = {s: l for s, l in reports if key and key in norm(l)}
    if not entities and len(named) == 1:
        return next(iter(named))
    hits = entities or named
    if hits:
        raise ambiguous("--focus", label, "node", sorted((str(l), "") for l in hits.values()))
    raise ParameterError(f"--focus: no node named {label!r} in the store")
