"""Store → RDF files. TriG, N-Quads and JSON-LD keep every named graph (one per report, plus the
ontology and thesaurus graphs); Turtle has no named graphs, so it holds the union (each distinct
triple once, whichever graphs it came from).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.errors import ExportError

__all__ = ["write_ttl", "write_trig", "write_nq", "write_jsonld", "PREFIXES"]

PREFIXES = {
    "gk": "https://w3id.org/govkg/ontology#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/", "schema": "https://schema.org/",
    "oa": "http://www.w3.org/ns/oa#", "qb": "http://purl.org/linked-data/cube#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "place": "https://w3id.org/govkg/id/place/", "programme": "https://w3id.org/govkg/id/programme/",
    "document": "https://w3id.org/govkg/id/document/", "report": "https://w3id.org/govkg/id/report/",
}


def _store(source: Any):
    from kg.sparql.rows import store_of
    store = store_of(source)
    return getattr(store, "inner", store)   # an on-disk Store dumps through its pyoxigraph store


def _dump_dataset(source: Any, path: str | Path, format_name: str) -> Path:
    import pyoxigraph as ox
    path = Path(path)
    fmt = getattr(ox.RdfFormat, format_name)
    options = {"prefixes": PREFIXES} if format_name in ("TRIG", "JSON_LD") else {}
    try:
        _store(source).dump(str(path), format=fmt, **options)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write {fmt.name} ({exc})") from exc
    return path


def write_trig(source: Any, path: str | Path, **_: Any) -> Path:
    """TriG: every quad of the store, one named graph per report.

    >>> import pyoxigraph as ox, tempfile, os
    >>> write_trig(ox.Store(), os.path.join(tempfile.mkdtemp(), "kg.trig")).exists()
    True
    """
    return _dump_dataset(source, path, "TRIG")


def write_nq(source: Any, path: str | Path, **_: Any) -> Path:
    """N-Quads: every quad of the store, the graph name in the fourth column.

    >>> import pyoxigraph as ox, tempfile, os
    >>> write_nq(ox.Store(), os.path.join(tempfile.mkdtemp(), "kg.nq")).read_text()
    ''
    """
    return _dump_dataset(source, path, "N_QUADS")


def write_jsonld(source: Any, path: str | Path, **_: Any) -> Path:
    """JSON-LD: every quad of the store; each named graph is an `@graph` object with its `@id`.

    >>> import pyoxigraph as ox, tempfile, os
    >>> write_jsonld(ox.Store(), os.path.join(tempfile.mkdtemp(), "kg.jsonld")).exists()
    True
    """
    return _dump_dataset(source, path, "JSON_LD")


def write_ttl(source: Any, path: str | Path, **_: Any) -> Path:
    """Turtle of the UNION of all graphs (Turtle cannot name graphs); each distinct triple once.

    >>> import pyoxigraph as ox, tempfile, os
    >>> write_ttl(ox.Store(), os.path.join(tempfile.mkdtemp(), "kg.ttl")).exists()
    True
    """
    import pyoxigraph as ox
    path = Path(path)
    rows = _store(source).query("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    triples = (ox.Triple(row["s"], row["p"], row["o"]) for row in rows)
    try:
        ox.serialize(triples, str(path), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write Turtle ({exc})") from exc
    return path
