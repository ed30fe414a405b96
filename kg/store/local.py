"""The on-disk store: a pyoxigraph store with one named graph per report, replaced atomically; the
embedded implementation of the store interface (`kg.store.base`).

The ontology and the programme thesaurus live in their own graphs; queries see the union of all.
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError, StoreBusy, StoreError
from kg.rdf.vocab import GK, GRAPH_BUILDS
from kg.store.base import StoreBase, graph_triples, unmark_update

__all__ = ["Store"]


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


class Store(StoreBase):
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
        """This implementation's pyoxigraph store (readers use the store interface, not this)."""
        if self._inner is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._inner

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")
        return self.inner

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad], marker: str | None = None) -> None:
        """Drop graph `graph` and insert `quads` (all in that graph) in one transaction; with `marker`
        (a content hash), the report's completion marker in graph/builds is replaced too."""
        name = ox.NamedNode(graph)
        lines = graph_triples(graph, quads)
        update = f"DROP SILENT GRAPH {name} ;\n" + unmark_update([graph])
        if lines:
            update += f" ;\nINSERT DATA {{ GRAPH {name} {{\n" + "\n".join(lines) + "\n} }"
        if marker is not None:
            update += f" ;\nINSERT DATA {{ GRAPH <{GRAPH_BUILDS}> {{ {name} {GK.builtFrom} {ox.Literal(marker)} }} }}"
        self.update(update, f"graph <{graph}>")

    def update(self, sparql: str, what: str = "an update") -> None:
        """Run one SPARQL update (one transaction)."""
        try:
            self._writable().update(sparql)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write {what} ({exc})") from None

    def replace_report(self, report_iri: str, quads: Iterable[ox.Quad]) -> None:
        """Replace the report's named graph by `quads` and mark it complete, in one transaction.

        >>> s = Store(ox.Store(), Path("mem"), False)
        >>> q = ox.Quad(ox.NamedNode("http://r"), GK.contentHash, ox.Literal("ab"), ox.NamedNode("http://r"))
        >>> s.replace_report("http://r", [q]); s.replace_report("http://r", [q]); s.triple_count(), s.counts()["reports"]
        (2, 1)
        """
        super().replace_report(report_iri, quads)

    def write_batch(self, drop: list[str], shared: bytes, graphs: bytes, markers: bytes) -> None:
        """One batch of a build (`kg.store.batch`): drop `drop` (graphs and markers), add the shared groups
        (a transaction), bulk-load the report graphs and flush, then add the markers (a transaction)."""
        inner = self._writable()
        try:
            if drop:
                self.update(" ;\n".join(f"DROP SILENT GRAPH <{r}>" for r in drop) + " ;\n" + unmark_update(drop),
                            f"{len(drop)} replaced reports")
            if shared:
                inner.load(shared, format=ox.RdfFormat.N_QUADS)
            if graphs:
                inner.bulk_load(graphs, format=ox.RdfFormat.N_QUADS)
                inner.flush()
            if markers:
                inner.load(markers, format=ox.RdfFormat.N_QUADS)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write a batch of reports ({exc})") from None

    def flush(self) -> None:
        """Write the memtables that updates filled to disk, which frees them and their write-ahead log.

        RocksDB holds every update in memory (up to 128 MB per column family, 12 of them, as Oxigraph
        opens it) and in its log until a flush: a pass that writes many small transactions, such as
        the summary refresh, calls this every so often so neither grows with the corpus.
        """
        try:
            self._writable().flush()
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot flush the store ({exc})") from None

    def remove_report(self, report_iri: str) -> bool:
        """Remove the report's graph and its marker (shared descriptions stay); False if there was none."""
        name = ox.NamedNode(report_iri)
        if not self.inner.contains_named_graph(name):
            return False
        self.replace_graph(report_iri, ())
        return True

    def query(self, sparql: str, use_default_graph_as_union: bool = True,
              substitutions: dict | None = None, prefixes: dict[str, str] | None = None, **options):
        """Run a SPARQL query; pyoxigraph's result (solutions, boolean or triples). `options` are
        pyoxigraph's own (``default_graph``, ``named_graphs``: the SPARQL Protocol's dataset).

        Raises `QueryError` with the parser's message for a malformed query.
        """
        if prefixes:
            options["prefixes"] = prefixes
        try:
            return self.inner.query(sparql, use_default_graph_as_union=use_default_graph_as_union,
                                    substitutions=substitutions, **options)
        except SyntaxError as exc:
            raise QueryError(f"bad SPARQL: {exc}") from None

    def triple_count(self) -> int:
        """Every quad held, vocabulary and markers included."""
        return len(self.inner)

    def dump(self, output=None, format: ox.RdfFormat = ox.RdfFormat.N_QUADS, *,  # noqa: A002
             from_graph=None, prefixes: dict[str, str] | None = None):
        """The dataset serialised (N-Quads by default) to `output` (a path or binary file), else as
        bytes; `from_graph` (a NamedNode) alone, for a format without graphs."""
        options = {"prefixes": prefixes} if prefixes else {}
        if from_graph is not None:
            options["from_graph"] = from_graph
        return self.inner.dump(output, format=format, **options)

    def close(self) -> None:
        """Release the store (and its lock); a writer first flushes its log so the next reader opens fast,
        then opens the folder once more, which deletes the logs RocksDB kept for reuse.

        Without the flush, RocksDB's write-ahead log stays behind and every read-only open replays it
        (measured: 67 s for a 1,000-report store, 20 ms after flush + optimize; docs/performance.md).
        Flushed logs are not deleted but kept for reuse (Oxigraph opens RocksDB with
        recycle_log_file_num=10), each as large as the writes it logged: 39 MB of a 1,000-report store
        after a build. The next read-write open deletes them (about 0.1 s), so the folder holds data.
        """
        inner, self._inner = self._inner, None
        if inner is not None and not getattr(self, "read_only", True):
            try:
                inner.flush()
                inner.optimize()
                del inner                      # the last reference: RocksDB closes and drops its lock
                ox.Store(str(self.path))       # opened and released at once: the recycled logs go
            except (OSError, RuntimeError):    # still open elsewhere (a live query result): logs stay
                pass
