"""graph/summary: whole-corpus aggregates that named queries read instead of scanning every report.

A query such as `shared-programs` needs, per programme concept, the distinct jurisdictions adopting it:
over the report graphs that is a join of every adoption (300,000 at 10,000 reports), seconds however it
is written. The summary holds the answer's ingredients once, so those queries read one small graph:

    C gk:adoptedIn J .                         # some report places an adoption of concept C in J
    C gk:adopterCount 57 ; gk:adopterNames "北京市、…" .    # distinct J, their labels sorted, joined by 、
    D gk:citingReports 12 ; gk:citingPlaces "…" .         # reports citing D; their places' labels
    <graph/summary> a gk:Summary ; gk:indicatorName "群众满意度" .   # every distinct outcome indicator

It is derived data only (never what a report says), recomputed from the store by `refresh`, which the
concept pass calls after it writes graph/concepts (every build, removal, prune and concept decision),
so it stays exact when reports come and go. `refresh` also brings a store built before the summary
existed up to date (`govkg concepts apply` runs it).

Every statement of the summary belongs to one key (a concept, a document, an indicator name;
`kg.summary.parts`), so `refresh` works through the keys in chunks: the chunk's statements as the
reports give them now against those the summary holds, the difference written in one transaction.
The keys are those the reports give and those the summary holds (gone from the reports: their
statements go), each once, so the result is the whole recompute's; memory is one chunk's, whatever
the size of the corpus.
"""
from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import Quad

from kg.errors import QueryError
from kg.rdf.vocab import GRAPH_SUMMARY
from kg.summary.parts import PARTS, SGK, SUMMARY_TERMS, Part, marker, run, values

__all__ = ["refresh", "require", "summary_quads", "SUMMARY_TERMS", "SGK"]

_FLUSH = 25_000    # quads written between flushes: RocksDB holds them in memory until one, ~1 KB each (kg.store.local)
_PRESENT = f"ASK {{ GRAPH <{GRAPH_SUMMARY}> {{ <{GRAPH_SUMMARY}> a gk:Summary }} }}"
_ANY_REPORT = "ASK { GRAPH ?r { ?r a gk:Report } }"


def _chunks(rows, size: int) -> Iterator[list]:
    """The ?k of a query's rows, `size` at a time (the rows are read as the chunks are used)."""
    chunk = []
    for row in rows:
        chunk.append(row["k"])
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def summary_quads(store, chunk: int | None = None) -> Iterator[Quad]:
    """The summary graph's quads as the report graphs, graph/concepts and graph/places give them (one
    chunk of keys at a time, `chunk` keys or each part's own size; the marker last)."""
    for part in PARTS:
        for keys in _chunks(run(store, part.keys), chunk or part.chunk):
            yield from part.compute(store, keys)
    yield marker()


def refresh(store, chunk: int | None = None) -> int:
    """Recompute graph/summary from the store (a `kg.store.Store`, a remote one, or a bare pyoxigraph
    Store) and write the difference; the number of quads added or removed. `chunk` keys at a time
    (default: each part's own size).

    Chunk by chunk, each chunk's difference in one transaction: a reader sees every key's statements
    whole (old or new). The gk:Summary marker goes in last, so a first write cut short leaves no
    marker and the queries that read the summary refuse until the next refresh; a later refresh cut
    short leaves some keys old, and the next build's refresh finishes it.
    """
    if not hasattr(store, "replace_graph"):
        from pathlib import Path

        from kg.store import Store
        store = Store(store, Path("memory"), False)
    changed = unflushed = 0
    for part in PARTS:
        for keys in _chunks(run(store, part.keys), chunk or part.chunk):
            new, old = set(part.compute(store, keys)), _stored(store, part, keys)
            written = _write(store, old - new, new - old)
            changed, unflushed = changed + written, unflushed + written
            if unflushed >= _FLUSH:
                store.flush()
                unflushed = 0
    if not bool(run(store, _PRESENT)):
        changed += _write(store, set(), {marker()})
    if changed:
        store.flush()
    return changed


def _stored(store, part: Part, keys: list) -> set[Quad]:
    """What graph/summary holds for these keys of `part`."""
    return {Quad(r["s"], r["p"], r["o"], marker().graph_name) for r in run(store, part.stored % values(keys))}


def _write(store, gone: set[Quad], added: set[Quad]) -> int:
    """Delete `gone` and insert `added` (graph/summary quads) in one update."""
    from kg.store.base import graph_triples
    parts = [f"{verb} DATA {{ GRAPH <{GRAPH_SUMMARY}> {{\n" + "\n".join(graph_triples(GRAPH_SUMMARY, sorted(quads, key=str)))
             + "\n} }" for verb, quads in (("DELETE", gone), ("INSERT", added)) if quads]
    if parts:
        store.update(" ;\n".join(parts))
    return len(gone) + len(added)


def require(store, source: str) -> None:
    """QueryError unless the store holds graph/summary (or no report at all): a store built before the
    summary existed would otherwise answer the queries that read it with nothing."""
    from kg.sparql.rows import store_of
    store = store_of(store)
    if bool(run(store, _PRESENT)) or not bool(run(store, _ANY_REPORT)):
        return
    raise QueryError(f"{source}: the store has no graph/summary (it was built before the summary "
                     "existed); run `govkg concepts apply` once to write it")
