"""The write side of a build: serialised report graphs and shared groups → batches → the store.

The main process keeps the keys of the shared groups already in the store (read once, `known_keys`)
and writes each group once. A batch is written in four steps (the store's `write_batch`): drop the
replaced reports' graphs and markers (a transaction), add new shared groups (a transaction), bulk-load
the report graphs (fast, not atomic), then the completion markers in graph/builds (a transaction).
A crash mid-batch leaves report graphs without a marker; the next build drops and redoes them.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

from kg.rdf.vocab import GRAPH_DOCUMENTS, GRAPH_PLACES, GRAPH_PROGRAMMES, GRAPH_THESAURUS, PREFIXES

__all__ = ["Batch", "known_keys", "marker_lines", "BATCH_BYTES", "BATCH_REPORTS", "BATCH_SECONDS"]

BATCH_BYTES = 32 << 20    # N-Quads bytes of report graphs per batch (each bulk load costs compactions)
BATCH_REPORTS = 500       # and at most this many reports ($GOVKG_BATCH_REPORTS overrides)
BATCH_SECONDS = 10.0      # and at most this long since the batch's first report (readers see progress)

_P = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
# one query per kind of group: the key of every group the store holds (see kg.rdf.shared)
_KNOWN = {
    "place": f"SELECT ?s WHERE {{ GRAPH <{GRAPH_PLACES}> {{ ?s a gk:Jurisdiction }} }}",
    "programme": f"SELECT ?s WHERE {{ GRAPH <{GRAPH_PROGRAMMES}> {{ ?s rdfs:label ?l }} }}",
    "document": f"SELECT ?s WHERE {{ GRAPH <{GRAPH_DOCUMENTS}> {{ ?s dcterms:title ?t }} }}",
    "about": f"SELECT DISTINCT ?s WHERE {{ GRAPH <{GRAPH_DOCUMENTS}> {{ ?s gk:documentType|gk:issuer|"
             "gk:issuedBy|gk:status|dcterms:references ?o } }",
    "spelling": f"SELECT ?s ?l WHERE {{ {{ GRAPH <{GRAPH_PROGRAMMES}> {{ ?s skos:altLabel ?l }} }} UNION "
                f"{{ GRAPH <{GRAPH_THESAURUS}> {{ ?s skos:altLabel|skos:prefLabel ?l }} }} }}",
}


def _batch_reports() -> int:
    try:
        return max(1, int(os.environ.get("GOVKG_BATCH_REPORTS") or BATCH_REPORTS))
    except ValueError:
        return BATCH_REPORTS


def known_keys(store) -> set[str]:
    """The keys (`kg.rdf.shared`) of every shared group already in `store` (embedded or remote)."""
    keys: set[str] = set()
    for kind, sparql in _KNOWN.items():
        for row in store.query(_P + sparql):
            if kind == "spelling":
                keys.add(f"spelling {row['s'].value} {row['l'].value}")
            else:
                keys.add(f"{kind} {row['s'].value}")
    return keys


def marker_lines(markers: list[tuple[str, str]]) -> bytes:
    """N-Quads of the completion markers `R gk:builtFrom "hash"` in graph/builds.

    >>> marker_lines([("http://r", "ab")]).decode()
    '<http://r> <https://w3id.org/govkg/ontology#builtFrom> "ab" <https://w3id.org/govkg/graph/builds> .\\n'
    """
    from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

    from kg.rdf.vocab import GK, GRAPH_BUILDS
    graph = NamedNode(GRAPH_BUILDS)
    quads = [Quad(NamedNode(r), GK.builtFrom, Literal(h), graph) for r, h in markers]
    return serialize(quads, format=RdfFormat.N_QUADS) if quads else b""


@dataclass
class Batch:
    """Reports waiting to be written: what to drop first, new shared groups, graphs, markers."""

    known: set[str]
    drop: list[str] = field(default_factory=list)
    shared: list[bytes] = field(default_factory=list)
    graphs: list[bytes] = field(default_factory=list)
    markers: list[tuple[str, str]] = field(default_factory=list)
    size: int = 0
    started: float = 0.0

    def add(self, report: str, digest: str, graph: bytes, shared: dict[str, bytes], replaces: bool) -> None:
        """Queue one report (its graph as N-Quads, its shared groups by key)."""
        if not self.markers:
            self.started = time.monotonic()
        if replaces:
            self.drop.append(report)
        for key, text in shared.items():
            if key not in self.known:
                self.known.add(key)
                self.shared.append(text)
        self.graphs.append(graph)
        self.markers.append((report, digest))
        self.size += len(graph)

    @property
    def full(self) -> bool:
        return (self.size >= BATCH_BYTES or len(self.markers) >= _batch_reports()
                or (bool(self.markers) and time.monotonic() - self.started >= BATCH_SECONDS))

    def write(self, store) -> list[str]:
        """Write the batch through `store.write_batch`; the reports written. Empties the batch."""
        if not self.markers and not self.drop:
            return []
        store.write_batch(self.drop, b"".join(self.shared), b"".join(self.graphs), marker_lines(self.markers))
        written = [r for r, _ in self.markers]
        self.drop, self.shared, self.graphs, self.markers, self.size = [], [], [], [], 0
        return written
