"""Named-query latency (p50/p95) on the govkg store, against rdflib's default in-memory Dataset → `Row`s."""
from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench.compose import compose
from bench.measure import Corpus, store_for
from bench.procs import in_child
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
    from kg.sparql.query import bound_text, load_query
    text = bound_text(store, load_query(name), params)
    return lambda: list(dataset.query(text))


def _our_runner(path: Path):
    """(raw pyoxigraph store, callable(name, params) → rows) through the public API where it exists."""
    import pyoxigraph as ox
    store = ox.Store.read_only(str(path))
    try:
        from kg import KnowledgeGraph
    except ImportError:                               # before the facade lands: the function under it
        from kg.sparql.query import run_named
        return store, lambda name, params: run_named(store, name, **params)
    graph = KnowledgeGraph.open(path)
    return store, lambda name, params: graph.query(name, **params)


def _time_ours(path: Path, name: str, params: dict[str, str], repeat: int, budget: float) -> list[float]:
    run = _our_runner(path)[1]                       # opened once, outside the timings
    return _time(lambda: run(name, params), repeat, budget)


def latency(c: Corpus, repeat: int = 30, rdflib_repeat: int = 5, budget: float = 30.0,
            timeout: float = 300.0) -> list[Row]:
    """p50/p95 of every named query on the store, and the ratio to rdflib's default store.

    Each query is timed in a child process killed after `timeout` seconds (an endless query is a row,
    not a hung run). `rdflib_repeat=0` skips the rdflib reference (the quick run: a slow query there can take minutes).
    """
    store = store_for(c)
    if store is None:
        return [na(f"query {q} p50 / p95", c.reports, "no store (`govkg build` missing or failed)") for q in NAMED]
    try:
        from kg.sparql.query import bound_text, run_named  # noqa: F401 - the query layer must exist
    except ImportError:
        return [na(f"query {q} p50 / p95", c.reports, "`kg.sparql.query` not in this checkout") for q in NAMED]
    oxstore, _ = _our_runner(store)
    dataset = _rdflib_dataset(oxstore, store.parent) if rdflib_repeat else None
    target = "p50 ≤ 50 ms, ≥ 50× rdflib"
    rows = []
    for name in NAMED:
        params, metric = params_for(name, c.seed), f"query {name} p50 / p95"
        ours = in_child(lambda: _time_ours(store, name, params, repeat, budget), timeout)
        if not isinstance(ours, list):
            reason = ours[1] if ours else f"first run took over {timeout:.0f} s (killed)"
            rows.append(na(metric, c.reports, reason, target))
            continue
        p50, p95 = percentiles(ours)
        value = f"{fmt_seconds(p50)} / {fmt_seconds(p95)}"
        if dataset is None:
            rows.append(Row(metric, c.reports, value, "rdflib: skipped", "", target, ""))
            continue
        theirs = in_child(lambda: _time(_rdflib_runner(dataset, oxstore, name, params), rdflib_repeat, budget),
                          timeout)
        if not isinstance(theirs, list):
            rows.append(Row(metric, c.reports, value, f"rdflib: over {timeout:.0f} s (killed)",
                            f"> {timeout / p50:,.0f}× faster", target, verdict(p50 <= 0.05)))
            continue
        r50, r95 = percentiles(theirs)
        rows.append(Row(metric, c.reports, value, f"rdflib {fmt_seconds(r50)} / {fmt_seconds(r95)}",
                        f"{r50 / p50:,.0f}× faster", target, verdict(p50 <= 0.05 and r50 / p50 >= 50)))
    return rows
