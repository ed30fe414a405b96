"""The store's union graph → SHACL validation against ontology/shapes.ttl → (conforms, summary text).

pyshacl and rdflib are imported only when validating.
"""
from __future__ import annotations

from collections import Counter

import pyoxigraph as ox

from kg.resources import ontology_text
from kg.store.local import Store
from kg.rdf.vocab import PREFIXES

__all__ = ["validate", "validate_quads"]

_SHOWN = 20   # distinct problems listed in the summary


def _shapes():
    import rdflib
    return rdflib.Graph().parse(data=ontology_text("shapes.ttl"), format="turtle")


def _conforms(ntriples: bytes) -> tuple[bool, str]:
    import pyshacl
    import rdflib
    data = rdflib.Graph().parse(data=ntriples.decode("utf-8"), format="nt")
    conforms, results, _ = pyshacl.validate(data, shacl_graph=_shapes(), inference="none",
                                            allow_warnings=True)
    return bool(conforms), _summary(bool(conforms), results, len(data))


def _short(term) -> str:
    text = str(term)
    for prefix, ns in PREFIXES.items():
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns):]}"
    return text


def _summary(conforms: bool, results, triples: int) -> str:
    """One line, then each distinct problem with its severity, how often it occurs and one example."""
    rows = results.query("""
        PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?severity ?focus ?path ?message WHERE {
            ?r a sh:ValidationResult ; sh:resultSeverity ?severity ; sh:focusNode ?focus ;
               sh:resultMessage ?message .
            OPTIONAL { ?r sh:resultPath ?path } }""")
    problems: Counter = Counter()
    example: dict = {}
    for severity, focus, path, message in rows:
        key = (str(severity).rsplit("#", 1)[-1].lower(), _short(path) if path is not None else "-",
               str(message))
        problems[key] += 1
        example.setdefault(key, _short(focus))
    errors = sum(n for (severity, _, _), n in problems.items() if severity == "violation")
    warnings = sum(problems.values()) - errors
    head = "conforms" if conforms else f"does not conform: {errors} violations"
    lines = [f"{head}; {warnings} warnings; {triples} triples checked against the govkg shapes"]
    for key, count in sorted(problems.items(), key=lambda kv: (kv[0][0] != "violation", -kv[1]))[:_SHOWN]:
        severity, path, message = key
        lines.append(f"  {severity}: {path}: {message} ({count}x, e.g. {example[key]})")
    if len(problems) > _SHOWN:
        lines.append(f"  … and {len(problems) - _SHOWN} more kinds of problem")
    return "\n".join(lines)


def validate_quads(quads: list[ox.Quad]) -> tuple[bool, str]:
    """Validate loose quads (their graphs merged), e.g. one report's `to_quads` output.

    >>> from kg.rdf.vocab import GK, RDF_TYPE
    >>> e = ox.NamedNode("https://w3id.org/govkg/id/evidence/1")
    >>> validate_quads([ox.Quad(e, RDF_TYPE, GK.Evidence)])[0]
    False
    """
    store = ox.Store()
    store.extend(quads)
    return _validate_inner(store)


def _validate_inner(inner: ox.Store) -> tuple[bool, str]:
    triples = inner.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    return _conforms(triples.serialize(format=ox.RdfFormat.N_TRIPLES) or b"")


def validate(store: Store) -> tuple[bool, str]:
    """Check the union of the store's graphs against the SHACL shapes; (conforms, summary).

    Works on the embedded store and on a `kg.store.remote.RemoteStore` (whose quads are copied first).
    """
    if getattr(store, "remote", False):
        return _validate_inner(store.snapshot())
    return _validate_inner(store.inner)
