"""The on-disk store: a pyoxigraph store with one named graph per report, replaced atomically.

The ontology and the programme thesaurus live in their own graphs; queries see the union of all.
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError, StoreBusy, StoreError
from kg.resources import has_ontology_file, ontology_text
from kg.vocab import GK, GRAPH_ONTOLOGY, GRAPH_THESAURUS

__all__ = ["Store", "COUNTED", "graph_triples"]

# what `counts()` reports, by class, over the report graphs
COUNTED = {"reports": "Report", "jurisdictions": "Jurisdiction", "programmes": "Programme",
           "adoptions": "Adoption", "documents": "Document", "citations": "Citation",
           "outcomes": "Outcome", "evidence": "Evidence"}
_VOCABULARY = ((GRAPH_ONTOLOGY, "govkg.ttl"), (GRAPH_THESAURUS, "programmes.ttl"))


def _busy(path: Path, exc: Exception) -> StoreError:
    if "lock" in str(exc).lower():
        return StoreBusy(f"store is busy: another govkg process is writing to {path}")
    if "column family not found" in str(exc).lower():  # read-only open while another process creates it
        return StoreBusy(f"store is busy: another govkg process is creating {path}; try again in a moment")
    return StoreError(f"{path}: cannot open the store ({exc})")


def _open_read_only(path: Path, tries: int = 10) -> ox.Store:
    """Open read-only beside a writer; retry while a writer is creating or rewriting the store's
    manifest (RocksDB then reports missing column families, missing files or "corruption")."""
    for attempt in range(tries):
        try:
            return ox.Store.read_only(str(path))
        except (OSError, RuntimeError):
            if attempt == tries - 1:
                raise
            time.sleep(0.05)
    raise AssertionError("unreachable")



def graph_triples(graph: str, quads: Iterable[ox.Quad]) -> list[str]:
    """The quads of one named graph as N-Triples lines; a quad of another graph is a bug.

    >>> g = "https://w3id.org/govkg/id/report/x"
    >>> q = ox.Quad(ox.NamedNode("a:s"), ox.NamedNode("a:p"), ox.Literal("o"), ox.NamedNode(g))
    >>> graph_triples(g, [q])
    ['<a:s> <a:p> "o" .']
    """
    name = ox.NamedNode(graph)
    lines = []
    for q in quads:
        if q.graph_name != name:
            raise ValueError(f"quad {q} is not in graph <{graph}>")
        lines.append(f"{q.subject} {q.predicate} {q.object} .")
    return lines

class Store:
    """A govkg store on disk.

    >>> import tempfile
    >>> with Store.open(tempfile.mkdtemp() + "/s") as s:
    ...     s.counts()["reports"], len(s.reports())
    (0, 0)
    """

    def __init__(self, inner: ox.Store, path: Path, read_only: bool):
        self._inner: ox.Store | None = inner
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False) -> "Store":
        """Open (read-write: creating) the store in folder `path`.

        Raises `StoreBusy` when another process holds it, `StoreError` when `path` is not a store.
        """
        path = Path(path)
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path}: is a file, not a govkg store folder")
        is_store = (path / "CURRENT").is_file()
        if not is_store and path.is_dir() and any(path.iterdir()):
            raise StoreError(f"{path}: not a govkg store (the folder holds other files)")
        if read_only and not is_store:
            raise StoreError(f"{path}: no govkg store here; build one with `govkg build PATH --store {path}`")
        try:
            if read_only:
                inner = _open_read_only(path)
            else:
                path.mkdir(parents=True, exist_ok=True)
                inner = ox.Store(str(path))
        except (OSError, RuntimeError) as exc:  # RocksDB reports some open failures as RuntimeError
            raise _busy(path, exc) from None
        store = cls(inner, path, read_only)
        if not read_only and not is_store:
            store.load_vocabulary()
        return store

    @property
    def inner(self) -> ox.Store:
        if self._inner is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._inner

    @property
    def oxigraph(self) -> ox.Store:
        """The pyoxigraph store underneath (what `kg.rows.oxigraph_store` looks for)."""
        return self.inner

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")
        return self.inner

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Drop graph `graph` and insert `quads` (all in that graph) in one transaction."""
        name = ox.NamedNode(graph)
        lines = graph_triples(graph, quads)
        update = f"DROP SILENT GRAPH {name}"
        if lines:
            update += f" ;\nINSERT DATA {{ GRAPH {name} {{\n" + "\n".join(lines) + "\n} }"
        try:
            self._writable().update(update)  # one SPARQL update request is one transaction
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write graph <{graph}> ({exc})") from None

    def replace_report(self, report_iri: str, quads: Iterable[ox.Quad]) -> None:
        """Replace the report's named graph by `quads`, atomically.

        >>> s = Store(ox.Store(), Path("mem"), False)
        >>> q = ox.Quad(ox.NamedNode("http://r"), GK.kind, ox.Literal("other"), ox.NamedNode("http://r"))
        >>> s.replace_report("http://r", [q]); s.replace_report("http://r", [q]); len(s.inner)
        1
        """
        self.replace_graph(report_iri, quads)

    def remove_report(self, report_iri: str) -> bool:
        """Remove the report's graph; False if there was none."""
        name = ox.NamedNode(report_iri)
        if not self.inner.contains_named_graph(name):
            return False
        self.replace_graph(report_iri, ())
        return True

    def load_vocabulary(self) -> None:
        """(Re)load the ontology and the thesaurus (where shipped) into their graphs."""
        for graph, filename in _VOCABULARY:
            if not has_ontology_file(filename):
                continue
            name = ox.NamedNode(graph)
            triples = ox.parse(ontology_text(filename), ox.RdfFormat.TURTLE)
            self.replace_graph(graph, (ox.Quad(t.subject, t.predicate, t.object, name) for t in triples))

    def reports(self) -> dict[str, tuple[str, str]]:
        """Every stored report: IRI → (sourceFile, contentHash)."""
        rows = self.inner.query(
            "SELECT ?r ?f ?h WHERE { GRAPH ?r { ?r a gk:Report ; gk:sourceFile ?f ; gk:contentHash ?h } }",
            prefixes={"gk": str(GK)})
        return {row["r"].value: (row["f"].value, row["h"].value) for row in rows}

    def query(self, sparql: str, use_default_graph_as_union: bool = True,
              substitutions: dict | None = None):
        """Run a SPARQL query; pyoxigraph's result (solutions, boolean or triples).

        Raises `QueryError` with the parser's message for a malformed query.
        """
        try:
            return self.inner.query(sparql, use_default_graph_as_union=use_default_graph_as_union,
                                    substitutions=substitutions)
        except SyntaxError as exc:
            raise QueryError(f"bad SPARQL: {exc}") from None

    def counts(self) -> dict[str, int]:
        """Distinct reports, programmes, documents, outcomes… in the report graphs, and all triples."""
        values = " ".join(f"gk:{c}" for c in COUNTED.values())
        rows = self.inner.query(
            "SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { VALUES ?c { " + values + " } "
            "GRAPH ?g { ?g a gk:Report . ?x a ?c } } GROUP BY ?c", prefixes={"gk": str(GK)})
        found = {row["c"].value.rsplit("#", 1)[1]: int(row["n"].value) for row in rows}
        counts = {key: found.get(cls, 0) for key, cls in COUNTED.items()}
        counts["triples"] = len(self.inner)
        return counts

    def dump(self, format: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> bytes:
        """The whole dataset serialised (N-Quads by default)."""
        return self.inner.dump(format=format)

    def close(self) -> None:
        """Release the store (and its lock); a writer first flushes its log so the next reader opens fast.

        Without the flush, RocksDB's write-ahead log stays behind and every read-only open replays it
        (measured: 67 s for a 1,000-report store, 20 ms after flush + optimize; docs/performance.md).
        """
        inner, self._inner = self._inner, None
        if inner is not None and not getattr(self, "read_only", True):
            try:
                inner.flush()
                inner.optimize()
            except (OSError, RuntimeError):
                pass

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
