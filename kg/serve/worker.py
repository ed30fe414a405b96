"""Timeout-isolated query execution: SPARQL text in, serialised result bytes out.

Each query runs in a worker process that opens the store read-only; a worker that overruns the
timeout is killed and replaced, since pyoxigraph itself cannot interrupt a query.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
from dataclasses import dataclass
from pathlib import Path

__all__ = ["QueryPool", "QueryOutcome", "QueryTimeout", "PoolBusy", "WorkerDied", "run_query", "answer",
           "cap_memory", "DEFAULT_MEMORY"]

DEFAULT_MEMORY = 2 << 30  # bytes of address space per query worker

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


class StoreBusyNow(Exception):
    """The store could not be opened read-only just now (a writer is rewriting its files)."""


class _Reader:
    """A read-only store handle, reopened when the files under it change.

    The reopen retries (`kg.store.local._open_read_only`) while a build rewrites the store's manifest; when
    it still fails, the previous handle (a consistent older view) keeps answering.
    """

    def __init__(self, path: str):
        self.path, self.store, self.signature = path, None, None

    def get(self):
        from kg.store.local import _open_read_only
        signature = _store_signature(self.path)
        if self.store is None or signature != self.signature:
            try:
                self.store = _open_read_only(Path(self.path))
                self.signature = signature
            except (OSError, RuntimeError) as exc:
                if self.store is None:
                    raise StoreBusyNow(" ".join(str(exc).split())) from None
        return self.store

    def reset(self) -> None:
        self.store = self.signature = None


def _text(status: int, message: str) -> QueryOutcome:
    return QueryOutcome(status, "text/plain; charset=utf-8", (" ".join(message.split()) + "\n").encode())


def _graphs(iris) -> list:
    import pyoxigraph as ox
    try:
        return [ox.NamedNode(iri) for iri in iris]
    except ValueError as exc:
        raise ValueError(f"bad graph IRI: {exc}") from None


def run_query(store, text: str, results: str = "json", graph: str = "turtle",
              default_graphs=(), named_graphs=()) -> QueryOutcome:
    """Run one query on a pyoxigraph store and serialise it in the negotiated format.

    >>> import pyoxigraph as ox
    >>> run_query(ox.Store(), "ASK {}", "csv").body
    b'true'
    >>> run_query(ox.Store(), "ASK {}", default_graphs=["not an iri"]).status
    400
    """
    import pyoxigraph as ox
    options = {"use_default_graph_as_union": not default_graphs}
    try:
        if default_graphs:
            options["default_graph"] = _graphs(default_graphs)
        if named_graphs:
            options["named_graphs"] = _graphs(named_graphs)
        answer = store.query(text, **options)
    except (SyntaxError, ValueError) as exc:
        return _text(400, f"bad query: {exc}")
    if isinstance(answer, ox.QueryTriples):
        formats = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                   "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}
        return QueryOutcome(200, MEDIA_TYPES[graph], answer.serialize(format=formats[graph]))
    formats = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
               "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
    return QueryOutcome(200, MEDIA_TYPES[results], answer.serialize(format=formats[results]))


def answer(reader: _Reader, job: tuple, allowed: frozenset = frozenset()) -> QueryOutcome:
    """One job (query, formats, graphs) → its outcome; never raises for a client's or a writer's doing."""
    from kg.sparql.guard import ServiceRefused, check_services, services
    text = job[0]
    try:
        check_services(text, allowed, source="query")
    except ServiceRefused as exc:
        return _text(403, str(exc))
    for attempt in (1, 2):
        try:
            return run_query(reader.get(), *job)
        except StoreBusyNow as exc:
            return _text(503, f"store is busy: a build is rewriting it ({exc}); try again")
        except MemoryError:
            return _text(503, "query stopped: it needed more memory than the query worker's cap")
        except (OSError, RuntimeError) as exc:
            if services(text):
                return _text(502, f"a SERVICE endpoint failed: {exc}")
            if attempt == 2:
                return _text(503, f"store is busy: a build is rewriting it ({exc}); try again")
            reader.reset()  # files under the old handle went away: reopen once
    raise AssertionError("unreachable")


def cap_memory(limit: int | None) -> None:
    """Limit this process's address space to `limit` bytes (RLIMIT_AS); None or 0: no cap."""
    if not limit:
        return
    import resource
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _quiet_stderr() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except OSError:
        pass


def _worker_main(path: str, conn, memory: int | None = None, allowed: frozenset = frozenset()) -> None:
    from kg.lifeline import watch_parent
    watch_parent(pdeathsig=False)  # replacements start from request threads: no PDEATHSIG here
    _quiet_stderr()  # a query past the cap aborts with a Rust backtrace; the server logs one line instead
    cap_memory(memory)
    reader = _Reader(path)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        conn.send(answer(reader, job, allowed))


class WorkerDied(Exception):
    """The worker process running the query died (most likely past its memory cap)."""


class _Worker:
    def __init__(self, context, path: str, memory: int | None, allowed: frozenset):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(path, child, memory, allowed), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """A fixed number of worker processes over one store directory; `run` is thread-safe.

    Each worker's address space is capped at `memory` bytes; `allowed` lists SERVICE endpoints
    queries may call (none by default).

    >>> pool = QueryPool(".", size=1, timeout=10)   # doctest: +SKIP
    >>> pool.run("ASK {}").status                     # doctest: +SKIP
    200
    """

    def __init__(self, path: str | Path, size: int = 2, timeout: float = 30.0,
                 memory: int | None = DEFAULT_MEMORY, allowed=()):
        self.path, self.timeout, self.memory = str(path), timeout, memory
        self.allowed = frozenset(allowed)
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        worker = _Worker(self._context, self.path, self.memory, self.allowed)
        with self._lock:
            self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()

    def _replace(self, worker: _Worker) -> None:
        self._retire(worker)
        self._idle.put(self._spawn())

    def _death(self, code: int | None) -> str:
        """Why a worker died, in one line: an allocation past the cap aborts it (SIGABRT)."""
        if code == -signal.SIGABRT and self.memory:
            return (f"query stopped: it needed more than the query worker's {self.memory // 2**20} MB "
                    f"memory cap (--max-memory); narrow the query")
        return f"query stopped: its worker process died (exit {code}); try again or narrow the query"

    def run(self, text: str, results: str = "json", graph: str = "turtle",
            default_graphs=(), named_graphs=()) -> QueryOutcome:
        """Run a query in a free worker; raises QueryTimeout, PoolBusy or WorkerDied."""
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
        except (EOFError, OSError):
            worker.process.join(2)
            code = worker.process.exitcode
            self._replace(worker)
            raise WorkerDied(self._death(code)) from None
        self._replace(worker)
        raise QueryTimeout(f"query stopped after the {self.timeout:g} s timeout")

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()
