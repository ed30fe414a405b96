"""The write side of `kg.store.remote.RemoteStore`: report graphs, shared groups and completion markers
over the Graph Store Protocol (POST of N-Quads) and SPARQL 1.1 Update, in the same batches as the
embedded store (`kg.store.batch`).
"""
from __future__ import annotations

from collections.abc import Iterable

from kg.errors import StoreError
from kg.rdf.vocab import GRAPH_BUILDS, SHARED_GRAPHS

__all__ = ["RemoteWriter", "update_url"]

_UPDATE_SUFFIXES = (("/query", "/update"), ("/sparql", "/update"))


def update_url(endpoint: str) -> str:
    """The SPARQL Update URL that goes with a query endpoint (Oxigraph, Fuseki, GraphDB layouts).

    >>> update_url("http://127.0.0.1:7878/query"), update_url("http://localhost:3030/govkg/sparql")
    ('http://127.0.0.1:7878/update', 'http://localhost:3030/govkg/update')
    """
    found = sibling_url(endpoint, _UPDATE_SUFFIXES, "/statements")
    if found is None:
        raise StoreError(f"--endpoint {endpoint}: cannot tell its SPARQL Update URL")
    return found


def sibling_url(endpoint: str, suffixes: tuple[tuple[str, str], ...], repository_tail: str) -> str | None:
    """The service URL beside a query endpoint: its query suffix swapped (Oxigraph, Fuseki), or a
    tail added to a GraphDB-style ``/repositories/NAME``; None when the layout is unknown.

    >>> sibling_url("http://h/ds/sparql", (("/sparql", "/data"),), "/x"), sibling_url("http://h/q", (), "/x")
    ('http://h/ds/data', None)
    """
    base = endpoint.rstrip("/")
    for query_suffix, other_suffix in suffixes:
        if base.endswith(query_suffix):
            return base[: -len(query_suffix)] + other_suffix
    if "/repositories/" in endpoint:
        return base + repository_tail
    return None


class RemoteWriter:
    """Mixin of `RemoteStore`: everything a build writes (needs `_send`, `_write`, `query`)."""

    def _post(self, url: str, data: bytes, media: str, what: str) -> None:
        try:
            status, _, body = self._send(url, "POST", data, {"Content-Type": media})
        except OSError as exc:
            raise StoreError(str(exc)) from None
        if status >= 300:
            raise StoreError(f"{url}: {what} failed: HTTP {status} {body.decode('utf-8', 'replace')}")

    def update(self, sparql: str) -> None:
        """Run a SPARQL update on the server (one request)."""
        self._post(update_url(self.endpoint), sparql.encode("utf-8"), "application/sparql-update", "update")

    def replace_graph(self, graph: str, quads: Iterable, marker: str | None = None) -> None:
        """Replace the named graph `graph` by `quads` with one GSP PUT (and its marker, if given)."""
        from kg.store.local import graph_triples
        lines = graph_triples(graph, quads)
        self._write("PUT", graph, "".join(line + "\n" for line in lines).encode("utf-8"))
        if marker is not None:
            from kg.store.batch import marker_lines
            from kg.store.local import _unmark
            self.update(_unmark([graph]))
            self._post(self.graph_store, marker_lines([(graph, marker)]), "application/n-quads", "marker")

    def replace_report(self, report_iri: str, quads: Iterable) -> None:
        """Replace the report's named graph by `quads` and mark it complete."""
        quads = list(quads)
        digest = next((q.object.value for q in quads if q.predicate.value.endswith("#contentHash")), "")
        self.replace_graph(report_iri, quads, marker=digest)

    def remove_report(self, report_iri: str) -> bool:
        """Delete the report's graph and its marker; False if the server had no such graph."""
        from kg.store.local import _unmark
        found = self._write("DELETE", report_iri) != 404
        self.update(_unmark([report_iri]))
        return found

    def write_batch(self, drop: list[str], shared: bytes, graphs: bytes, markers: bytes) -> None:
        """One batch of a build: drop replaced graphs and markers (one update), then POST the shared
        groups, the report graphs and the markers as N-Quads (three requests)."""
        from kg.store.local import _unmark
        if drop:
            self.update(" ;\n".join(f"DROP SILENT GRAPH <{r}>" for r in drop) + " ;\n" + _unmark(drop))
        for data, what in ((shared, "shared descriptions"), (graphs, "report graphs"), (markers, "markers")):
            if data:
                self._post(self.graph_store, data, "application/n-quads", f"POST of {what}")

    def delete_subjects(self, graph: str, subjects: list[str]) -> None:
        """Remove every statement about `subjects` from shared graph `graph` (`build --prune`)."""
        from kg.store.local import delete_subjects_update
        for i in range(0, len(subjects), 500):
            self.update(delete_subjects_update(graph, subjects[i:i + 500]))

    def unfinished(self) -> list[str]:
        """Report graphs on the server without a completion marker."""
        marked = set(self.reports())
        rows = self.query("SELECT ?g WHERE { GRAPH ?g { } }")
        return sorted(r["g"].value for r in rows
                      if r["g"].value not in SHARED_GRAPHS and r["g"].value not in marked
                      and r["g"].value != GRAPH_BUILDS)
