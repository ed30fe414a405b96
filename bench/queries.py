"""Named-query latency (p50/p95) on the govkg store, against rdflib's default in-memory Dataset → `Row`s."""
from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.compose import compose
from bench.measure import Corpus, store_for
from bench.procs import in_child
from bench.report import Row, fmt_seconds, na, verdict

__all__ = ["NAMED", "params_for", "latency", "rdflib_reference", "percentiles"]

NAMED = ("adopters", "co-adoption", "diffusion", "documents", "evidence", "flagged", "jurisdictions", "metric",
         "outcomes", "programs", "reports", "search", "shared-documents", "shared-programs", "timeline")
PROGRAM = "一网通办"          # a programme most reports adopt: the worst case of a programme's queries
TARGET = "p50 ≤ 50 ms, p95 ≤ 200 ms"
RDFLIB_TARGET = "≥ 20× faster than rdflib"


def params_for(name: str, seed: int) -> dict[str, str]:
    """Parameters for a named query that match something in the corpus of `seed` (a jurisdiction: the
    first report's).

    >>> params_for("adopters", 0)
    {'program': '一网通办'}
    >>> sorted(set(params_for("timeline", 0)))
    ['jurisdiction']
    """
    place = compose(seed, 0).place.label
    program, where = {"program": PROGRAM}, {"jurisdiction": place}
    return {"adopters": program, "diffusion": program, "outcomes": program, "evidence": {"entity": PROGRAM},
            "search": {"text": PROGRAM}, "metric": {"indicator": "满意度"}, "programs": where,
            "documents": where, "timeline": where, "co-adoption": where}.get(name, {})


def percentiles(samples: list[float]) -> tuple[float, float]:
    """(p50, p95) of a list of timings.

    >>> percentiles([1.0, 2.0, 3.0, 4.0, 100.0])
    (3.0, 100.0)
    """
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered) + 0.5) - 1))]
    return statistics.median(ordered), p95


def _time(call, repeat: int, budget: float, warmup: bool = True) -> list[float]:
    """Timings of `call()` (after one warm-up run), at most `repeat` runs or `budget` seconds (at least 2)."""
    if warmup:
        call()
    samples, spent = [], 0.0
    while len(samples) < repeat and (spent < budget or len(samples) < 2):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
        spent += samples[-1]
    return samples


def _rdflib_dataset(path: Path, tmp: Path):
    """The store's quads in rdflib's default in-memory Dataset (union default graph), through rdflib's
    N-Quads parser over a dump of the store; and the seconds the load took."""
    import pyoxigraph as ox
    from rdflib import Dataset
    dump = tmp / f"govkg-bench-{os.getpid()}.nq"
    ox.Store.read_only(str(path)).dump(str(dump), ox.RdfFormat.N_QUADS)
    try:
        start = time.perf_counter()
        dataset = Dataset(default_union=True)
        dataset.parse(str(dump), format="nquads")
        return dataset, time.perf_counter() - start
    finally:
        dump.unlink()


def _our_runner(path: Path):
    """callable(name, params) → rows, through the public API where it exists."""
    try:
        from kg import KnowledgeGraph
    except ImportError:                               # before the facade lands: the function under it
        import pyoxigraph as ox

        from kg.sparql.query import run_named
        store = ox.Store.read_only(str(path))
        return lambda name, params: run_named(store, name, **params)
    graph = KnowledgeGraph.open(path)
    return lambda name, params: graph.query(name, **params)


def _time_ours(path: Path, name: str, params: dict[str, str], repeat: int, budget: float,
               deadline: float) -> tuple[list[float], int]:
    """(timings, rows of the answer) of one named query, the store opened once outside the timings.

    The first run warms up; the timed runs stop at `repeat`, after `budget` seconds, or when one more
    would pass `deadline` seconds from the start (then the first run is the only sample, if need be).
    """
    run = _our_runner(path)
    begun = time.perf_counter()
    answer = run(name, params)
    first = time.perf_counter() - begun
    samples: list[float] = []
    while len(samples) < repeat and sum(samples) < budget:
        last = samples[-1] if samples else first
        if time.perf_counter() - begun + last > deadline:
            break
        start = time.perf_counter()
        run(name, params)
        samples.append(time.perf_counter() - start)
    return samples or [first], len(answer)


def latency(c: Corpus, repeat: int = 30, budget: float = 30.0, timeout: float = 300.0,
            smaller: Corpus | None = None) -> list[Row]:
    """p50/p95 of every named query on the store, with the rows it returns; against `smaller` (the same
    queries at a smaller size, measured before) the growth of its time beside the growth of its answer.

    Each query is timed in a child process killed after `timeout` seconds (an endless query is a row,
    not a hung run). Our p50 of each query is kept in `c.latencies` for the rdflib reference.
    """
    store = store_for(c)
    if store is None:
        return [na(f"query {q} p50 / p95", c.reports, "no store (`govkg build` missing or failed)") for q in NAMED]
    try:
        from kg.sparql.query import bound_text, run_named  # noqa: F401 - the query layer must exist
    except ImportError:
        return [na(f"query {q} p50 / p95", c.reports, "`kg.sparql.query` not in this checkout") for q in NAMED]
    rows = []
    for name in NAMED:
        params, metric = params_for(name, c.seed), f"query {name} p50 / p95"
        if smaller is not None and name in smaller.slow:
            rows.append(na(metric, c.reports, f"not run: over {timeout:.0f} s at {smaller.reports} already", TARGET))
            c.slow.add(name)
            continue
        ours = in_child(lambda: _time_ours(store, name, params, repeat, budget, 0.8 * timeout), timeout)
        if not isinstance(ours, tuple) or ours[0] == "error":
            reason = ours[1] if ours else f"first run took over {timeout:.0f} s (killed)"
            if not ours:
                c.slow.add(name)
            rows.append(na(metric, c.reports, reason, TARGET))
            continue
        samples, answer = ours
        p50, p95 = percentiles(samples)
        c.latencies[name] = (p50, answer)
        ok = p50 <= 0.05 and p95 <= 0.2
        growth = ""
        if smaller is not None and name in smaller.latencies:
            before, before_rows = smaller.latencies[name]
            more = answer / max(before_rows, 1)
            growth = f"{p50 / before:.1f}× the time at {smaller.reports} for {more:.1f}× the rows"
            ok = ok and p50 / before <= max(1.0, more)
        rows.append(Row(metric, c.reports, f"{fmt_seconds(p50)} / {fmt_seconds(p95)}",
                        f"{answer:,} rows, {len(samples)} runs", growth,
                        TARGET + ("; growth ≤ the answer's" if smaller is not None else ""), verdict(ok)))
    return rows


def _rdflib_parses(text: str) -> bool:
    """Whether rdflib's SPARQL parser accepts a query (it lacks Oxigraph's extensions, such as LATERAL)."""
    from rdflib.plugins.sparql import prepareQuery
    try:
        prepareQuery(text)
    except Exception:                   # noqa: BLE001 - any parse failure means "not comparable"
        return False
    return True


def rdflib_reference(c: Corpus, heaviest: int = 3, repeat: int = 3, budget: float = 60.0,
                     timeout: float = 300.0) -> list[Row]:
    """The `heaviest` named queries (by our p50 at this size; measured first if `latency` has not run)
    against the same bound SPARQL text on rdflib's in-memory Dataset over the same quads.

    The Dataset is loaded once through rdflib's N-Quads parser from a dump of the store (its load time
    is a row); each query on rdflib runs in a child process killed after `timeout` seconds.
    """
    store = store_for(c)
    if store is None:
        return [na("rdflib reference", c.reports, "no store (`govkg build` missing or failed)")]
    if not c.latencies:
        latency(c, repeat=3, budget=5, timeout=timeout)
    import pyoxigraph as ox

    from kg.sparql.query import bound_text, load_query
    oxstore = ox.Store.read_only(str(store))
    # only queries rdflib can parse (search uses Oxigraph's LATERAL): which ones are the heaviest
    # varies with the machine's load, and the comparison must not
    chosen = [q for q in sorted(c.latencies, key=lambda q: -c.latencies[q][0])
              if _rdflib_parses(bound_text(oxstore, load_query(q), params_for(q, c.seed)))][:heaviest]
    if not chosen:
        return [na("rdflib reference", c.reports, "no named query answered on our store")]
    dataset, load_s = _rdflib_dataset(store, Path(tempfile.gettempdir()))
    rows = [Row("rdflib: load the store's N-Quads into Dataset()", c.reports, fmt_seconds(load_s),
                f"{len(dataset):,} quads", f"{len(dataset) / load_s:,.0f} quads/s")]
    for name in chosen:
        text = bound_text(oxstore, load_query(name), params_for(name, c.seed))
        ours = c.latencies[name][0]
        metric = f"rdflib: query {name} p50 (one of the {heaviest} heaviest)"
        theirs = in_child(lambda: _time(lambda: list(dataset.query(text)), repeat, budget, warmup=False), timeout)
        if not isinstance(theirs, list):
            reason = theirs[1] if theirs else f"over {timeout:.0f} s (killed)"
            ratio = f"> {timeout / ours:,.0f}× faster" if not theirs else ""
            rows.append(Row(metric, c.reports, f"n/a: {reason}", f"ours {fmt_seconds(ours)}", ratio,
                            RDFLIB_TARGET, verdict(timeout / ours >= 20) if not theirs else ""))
            continue
        r50 = percentiles(theirs)[0]
        rows.append(Row(metric, c.reports, fmt_seconds(r50), f"ours {fmt_seconds(ours)}, {len(theirs)} runs",
                        f"{r50 / ours:,.1f}× faster", RDFLIB_TARGET, verdict(r50 / ours >= 20)))
    del dataset
    return rows
