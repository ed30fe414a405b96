"""The worker side of a build: a file → its report graph and shared groups as N-Quads bytes, in
worker processes, handed back in input order with a bounded number in flight (memory stays flat).

Each worker remembers the shared groups it has already handed back during this build and does not
serialise them again (the main process keeps every key it received, `kg.store.batch.Batch`).
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass


__all__ = ["Result", "results", "work"]

_SENT: set[str] = set()   # shared-group keys this process has handed back in this build
_IN_FLIGHT = 4            # futures per worker


@dataclass
class Result:
    """One file's outcome: its report graph and new shared groups as N-Quads, or why it failed."""

    path: str
    digest: str
    graph: bytes = b""
    shared: dict[str, bytes] | None = None
    reason: str | None = None
    job: object = None        # what was built: the path, or a `loaders.records.Member` of an archive


def _start(owner: int | None = None) -> None:
    """Worker initializer: a fresh memory of shared groups sent; the worker stops with the build
    (`owner`, the build's process id: a forkserver's children outlive the build otherwise)."""
    _SENT.clear()
    from kg.lifeline import die_with_parent
    die_with_parent(owner)


def work(job: tuple) -> Result:
    """Read, extract and serialise one file (or archive member); a bad file or an extractor bug is a
    `reason`, not a raise."""
    from kg.build.archives import report_iri, source_file
    from kg.rdf.triples import to_parts
    from loaders import load_report
    from loaders.errors import LoadError
    item, digest = job
    path = str(item)
    try:
        parts = to_parts(load_report(item), report_iri(item), source_file(item), digest)
    except LoadError as exc:
        return Result(path, digest, reason=exc.reason, job=item)
    except Exception as exc:  # a bug in one extractor must not stop the whole build
        return Result(path, digest, reason=f"internal error ({type(exc).__name__}: {exc})".splitlines()[0],
                      job=item)
    shared = {}
    for key, lines in parts.shared_lines.items():
        if key not in _SENT:
            _SENT.add(key)
            shared[key] = "".join(lines).encode("utf-8")
    return Result(path, digest, "".join(parts.report_lines).encode("utf-8"), shared, job=item)


def results(jobs: list[tuple[str, str]], workers: int) -> Iterator[Result]:
    """`work` over `jobs`, in order: in this process for one worker, else in a pool of `workers`."""
    if workers <= 1 or len(jobs) <= 1:
        _SENT.clear()
        yield from map(work, jobs)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    todo = iter(jobs)
    with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=context, initializer=_start,
                             initargs=(os.getpid(),)) as pool:
        pending: deque = deque()
        broken = False

        def submit() -> None:
            nonlocal broken
            job = next(todo, None)
            if job is not None:
                try:
                    pending.append((job, None if broken else pool.submit(work, job)))
                except BrokenProcessPool:
                    broken = True
                    pending.append((job, None))

        for _ in range(workers * _IN_FLIGHT):
            submit()
        while pending:
            (path, digest), future = pending.popleft()
            try:
                if future is None:
                    raise BrokenProcessPool
                yield future.result()
            except BrokenProcessPool:  # a worker died (killed, out of memory): name the file, go on
                broken = True
                yield Result(str(path), digest, reason="the worker process extracting it died", job=path)
            submit()
