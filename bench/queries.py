"""Named-query latency (p50/p95) on the govkg store, against rdflib's default in-memory Dataset → `Row`s."""
from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench.compose import compose
from bench.measure import Corpus, store_for
from bench.report import Row, fmt_seconds, na, verdict

__all__ = ["NAMED", "params_for", "latency", "percentiles"]

NAMED = ("adopters", "programs", "outcomes", "documents", "jurisdictions", "shared-programs",
         "shared-documents", "reports", "metric")


def params_for(name: str, seed: int) -> dict[str, str]:
    """Parameters for a named query that match something in the corpus of `seed`.

    >>> params_for("adopters", 0)
    {'program': '一网通办'}
    """
    place = compose(seed, 0).place.label
    return {"adopters": {"program": "一网通办"}, "programs": {"jurisdiction": place},
            "outcomes": {"program": "一网通办"}, "documents": {"jurisdiction": place},
            "metric": {"indicator": "满意度"}}.get(name, {})


def percentiles(samples: list[float]) -> tuple[float, float]:
    """(p50, p95) of a list of timings.

    >>> percentiles([1.0, 2.0, 3.0, 4.0, 100.0])
    (3.0, 100.0)
    """
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered) + 0.5) - 1))]
    return statistics.median(ordered), p95


def _time(call, repeat: int, budget: float) -> list[float]:
    """Timings of `call()` after one warm-up run, at most `repeat` runs or `budget` seconds."""
    call()
    samples, spent = [], 0.0
    while len(samples) < repeat and (spent < budget or len(samples) < 2):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
        spent += samples[-1]
    return samples


def _rdflib_dataset(store, tmp: Path):
    """The store's quads loaded into rdflib's default in-memory Dataset (union default graph)."""
    import pyoxigraph as ox
    from rdflib import Dataset
    dump = tmp / "store.nq"
    store.dump(str(dump), ox.RdfFormat.N_QUADS)
    dataset = Dataset(default_union=True)
    dataset.parse(dump, format="nquads")
    dump.unlink()
    return dataset


def _rdflib_runner(dataset, store, name: str, params: dict[str, str]):
    """A callable running the named query on rdflib: the same SPARQL text, parameters bound the same way."""
    from kg.query import bound_text, load_query
    text = bound_text(store, load_query(name), params)
    return lambda: list(dataset.query(text))


def _our_runner(path: Path):
    """(raw pyoxigraph store, callable(name, params) → rows) through the public API where it exists."""
    import pyoxigraph as ox
    store = ox.Store.read_only(str(path))
    try:
        from kg import KnowledgeGraph
    except ImportError:                               # before the facade lands: the function under it
        from kg.query import run_named
        return store, lambda name, params: run_named(store, name, **params)
    graph = KnowledgeGraph.open(path)
    return store, lambda name, params: graph.query(name, **params)


def latency(c: Corpus, repeat: int = 30, rdflib_repeat: int = 5, budget: float = 60.0) -> list[Row]:
    """p50/p95 of every named query on the store, and the ratio to rdflib's default store."""
    store = store_for(c)
    if store is None:
        return [na(f"query {q} p50 / p95", c.reports, "no store (`govkg build` missing or failed)") for q in NAMED]
    try:
        from kg.query import bound_text, run_named  # noqa: F401 - the query layer must exist
    except ImportError:
        return [na(f"query {q} p50 / p95", c.reports, "`kg.query` not in this checkout") for q in NAMED]
    oxstore, ours_run = _our_runner(store)
    dataset = _rdflib_dataset(oxstore, store.parent)
    rows = []
    for name in NAMED:
        params = params_for(name, c.seed)
        metric = f"query {name} p50 / p95"
        try:
            ours = _time(lambda: ours_run(name, params), repeat, budget)
        except Exception as exc:                     # noqa: BLE001 - an unknown query is a row, not a crash
            rows.append(na(metric, c.reports, f"{type(exc).__name__}: {str(exc)[:120]}", "p50 ≤ 50 ms"))
            continue
        theirs = _time(_rdflib_runner(dataset, oxstore, name, params), rdflib_repeat, budget)
        (p50, p95), (r50, r95) = percentiles(ours), percentiles(theirs)
        speedup = r50 / p50
        rows.append(Row(metric, c.reports, f"{fmt_seconds(p50)} / {fmt_seconds(p95)}",
                        f"rdflib {fmt_seconds(r50)} / {fmt_seconds(r95)}", f"{speedup:,.0f}× faster",
                        "p50 ≤ 50 ms, ≥ 50× rdflib", verdict(p50 <= 0.05 and speedup >= 50)))
    return rows
