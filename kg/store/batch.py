"""The write side of a build: serialised report graphs and shared groups → batches → the store.

Each shared group is written once: a batch keeps the first text of each key its reports bring, and
at write time asks the store which of those keys it already holds (`existing_keys`, the batch's keys
bound with VALUES), so no set of every key of the corpus is kept. A batch is written in four steps (the store's `write_batch`): drop the
replaced reports' graphs and markers (a transaction), add new shared groups (a transaction), bulk-load
the report graphs (fast, not atomic), then the completion markers in graph/builds (a transaction).
A crash mid-batch leaves report graphs without a marker; the next build drops and redoes them.
"""
from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.rdf.vocab import GRAPH_DOCUMENTS, GRAPH_PLACES, GRAPH_PROGRAMMES, GRAPH_THESAURUS, PREFIXES

__all__ = ["Batch", "existing_keys", "marker_lines", "BATCH_BYTES", "BATCH_REPORTS", "BATCH_SECONDS"]

BATCH_BYTES = 32 << 20    # N-Quads bytes of report graphs per batch (each bulk load costs compactions)
BATCH_REPORTS = 500       # and at most this many reports ($GOVKG_BATCH_REPORTS overrides)
BATCH_SECONDS = 60.0      # and at most this long since the batch's first report (readers see progress);
# not shorter: on a loaded machine a 10 s limit cut batches of ~14 reports, and every small bulk load
# makes RocksDB recompact the store (300 reports: 21 batches cost 26.0 CPU-s, 3 batches 20.6; docs/performance.md)

_P = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
# one query per kind of group: which of these keys (see kg.rdf.shared) the store holds
_HELD = {
    "place": f"SELECT ?s WHERE {{ VALUES ?s {{ %s }} GRAPH <{GRAPH_PLACES}> {{ ?s a gk:Jurisdiction }} }}",
    "programme": f"SELECT DISTINCT ?s WHERE {{ VALUES ?s {{ %s }} GRAPH <{GRAPH_PROGRAMMES}> {{ ?s rdfs:label ?l }} }}",
    "document": f"SELECT DISTINCT ?s WHERE {{ VALUES ?s {{ %s }} GRAPH <{GRAPH_DOCUMENTS}> {{ ?s dcterms:title ?t }} }}",
    "about": f"SELECT DISTINCT ?s WHERE {{ VALUES ?s {{ %s }} GRAPH <{GRAPH_DOCUMENTS}> {{ ?s gk:documentType|gk:issuer|"
             "gk:issuedBy|gk:status|dcterms:references ?o } }",
    "spelling": f"SELECT DISTINCT ?s ?v WHERE {{ VALUES (?s ?v) {{ %s }} {{ GRAPH <{GRAPH_PROGRAMMES}> {{ ?s skos:altLabel ?l }} }} "
                f"UNION {{ GRAPH <{GRAPH_THESAURUS}> {{ ?s skos:altLabel|skos:prefLabel ?l }} }} FILTER(STR(?l) = ?v) }}",
}
_PER_QUERY = 1000


def _batch_reports() -> int:
    try:
        return max(1, int(os.environ.get("GOVKG_BATCH_REPORTS") or BATCH_REPORTS))
    except ValueError:
        return BATCH_REPORTS


def existing_keys(store, keys: Iterable[str]) -> set[str]:
    """Those of the shared-group `keys` (`kg.rdf.shared`) that `store` (embedded or remote) holds."""
    from pyoxigraph import Literal
    terms: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        kind, rest = key.split(" ", 1)
        if kind == "spelling":
            subject, spelling = rest.split(" ", 1)
            terms[kind].append(f"(<{subject}> {Literal(spelling)})")
        else:
            terms[kind].append(f"<{rest}>")
    held: set[str] = set()
    for kind, values in terms.items():
        for i in range(0, len(values), _PER_QUERY):
            for row in store.query(_P + _HELD[kind] % " ".join(values[i:i + _PER_QUERY])):
                held.add(f"{kind} {row['s'].value}" + (f" {row['v'].value}" if kind == "spelling" else ""))
    return held


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
    """Reports waiting to be written: what to drop first, shared groups (key → the first text), graphs,
    markers."""

    drop: list[str] = field(default_factory=list)
    shared: dict[str, bytes] = field(default_factory=dict)
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
            self.shared.setdefault(key, text)
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
        held = existing_keys(store, self.shared) if self.shared else set()
        shared = b"".join(text for key, text in self.shared.items() if key not in held)
        store.write_batch(self.drop, shared, b"".join(self.graphs), marker_lines(self.markers))
        written = [r for r, _ in self.markers]
        self.drop, self.shared, self.graphs, self.markers, self.size = [], {}, [], [], 0
        return written
