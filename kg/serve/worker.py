"""Timeout-isolated query execution: SPARQL text in, serialised result bytes out.

Each query runs in a worker process that opens the store read-only; a worker that overruns the
timeout is killed and replaced, since pyoxigraph itself cannot interrupt a query.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import threading
from dataclasses import dataclass
from pathlib import Path

__all__ = ["QueryPool", "QueryOutcome", "QueryTimeout", "PoolBusy", "run_query"]

MEDIA_TYPES = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8", "ntriples": "application/n-triples",
    "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml",
}


class QueryTimeout(Exception):
    """The query ran past the time limit and its worker was stopped."""


class PoolBusy(Exception):
    """No worker became free within the time limit."""


@dataclass(frozen=True)
class QueryOutcome:
    """What a worker answers: HTTP status, media type and body."""
    status: int
    media_type: str
    body: bytes


def _store_signature(path: str) -> tuple:
    # RocksDB appends to its WAL and adds files as it commits; a changed listing means new data
    try:
        return tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(path)))
    except OSError:
        return ()


class _Reader:
    """A read-only store handle, reopened when the files under it change."""

    def __init__(self, path: str):
        self.path, self.store, self.signature = path, None, None

    def get(self):
        from kg.store import _open_read_only
        signature = _store_signature(self.path)
        if self.store is None or signature != self.signature:
            try:  # retries while a build rewrites the manifest; else the older view keeps answering
                self.store = _open_read_only(Path(self.path))
                self.signature = signature
            except (OSError, RuntimeError):
                if self.store is None:
                    raise OSError(f"{self.path}: a build is rewriting the store; try again") from None
        return self.store


def run_query(store, text: str, results: str = "json", graph: str = "turtle",
              default_graphs=(), named_graphs=()) -> QueryOutcome:
    """Run one query on a pyoxigraph store and serialise it in the negotiated format.

    >>> import pyoxigraph as ox
    >>> run_query(ox.Store(), "ASK {}", "csv").body
    b'true'
    """
    import pyoxigraph as ox
    options = {"use_default_graph_as_union": not default_graphs}
    if default_graphs:
        options["default_graph"] = [ox.NamedNode(iri) for iri in default_graphs]
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs]
    try:
        answer = store.query(text, **options)
    except (SyntaxError, ValueError) as exc:
        return QueryOutcome(400, "text/plain; charset=utf-8", f"bad query: {exc}\n".encode())
    if isinstance(answer, ox.QueryTriples):
        formats = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                   "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}
        return QueryOutcome(200, MEDIA_TYPES[graph], answer.serialize(format=formats[graph]))
    formats = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
               "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
    return QueryOutcome(200, MEDIA_TYPES[results], answer.serialize(format=formats[results]))


def _worker_main(path: str, conn) -> None:
    reader = _Reader(path)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        try:
            outcome = run_query(reader.get(), *job)
        except OSError as exc:
            outcome = QueryOutcome(500, "text/plain; charset=utf-8", f"store error: {exc}\n".encode())
        conn.send(outcome)


class _Worker:
    def __init__(self, context, path: str):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(path, child), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """A fixed number of worker processes over one store directory; `run` is thread-safe.

    >>> pool = QueryPool(".", size=1, timeout=10)   # doctest: +SKIP
    >>> pool.run("ASK {}").status                     # doctest: +SKIP
    200
    """

    def __init__(self, path: str | Path, size: int = 2, timeout: float = 30.0):
        self.path, self.timeout = str(path), timeout
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        worker = _Worker(self._context, self.path)
        with self._lock:
            self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()

    def run(self, text: str, results: str = "json", graph: str = "turtle",
            default_graphs=(), named_graphs=()) -> QueryOutcome:
        """Run a query in a free worker; raises QueryTimeout or PoolBusy past the time limit."""
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise PoolBusy(f"no worker free within {self.timeout:g} s") from None
        try:
            worker.conn.send((text, results, graph, tuple(default_graphs), tuple(named_graphs)))
            if worker.conn.poll(self.timeout):
                outcome = worker.conn.recv()
                self._idle.put(worker)
                return outcome
        except (EOFError, OSError, BrokenPipeError):
            self._retire(worker)
            self._idle.put(self._spawn())
            raise
        self._retire(worker)
        self._idle.put(self._spawn())
        raise QueryTimeout(f"query stopped after the {self.timeout:g} s timeout")

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()
