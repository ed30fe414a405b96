"""The concept pass's cost: its time after a build against the build without it, at each size, and how
its time per report grows with the corpus (near-linear: blocking never compares all pairs).

`python -m bench.concepts --sizes 1000,10000 --workdir DIR` prints these rows alone; `python -m bench`
includes them.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench import measure
from bench.report import Row, fmt_seconds, na, render, verdict

__all__ = ["share", "time_pass", "main"]

TARGET = 0.10          # the concept pass adds at most 10 % to the build


def time_pass(store: Path) -> tuple[float, dict]:
    """Seconds of one full concept pass over the built store at `store`, and what it found."""
    from kg.concepts import refresh
    from kg.concepts.context import words
    from kg.store.local import Store
    words("入企检查次数")            # jieba's dictionary loads once per process (about a second), not per pass
    with Store.open(store) as s:
        started = time.perf_counter()
        summary = refresh(s, store)
        seconds = time.perf_counter() - started
    return seconds, {"programmes": summary.programmes, "concepts": summary.concepts, **summary.links}


def share(corpora: list[measure.Corpus]) -> list[Row]:
    """One row per size (pass time against the build without it) and one for the growth per report."""
    rows, per_report = [], []
    for c in corpora:
        store = measure.store_for(c)
        if store is None:
            rows.append(na("concept pass after build", c.reports, "the build failed"))
            continue
        seconds, found = time_pass(store)
        build = c.runs[1].seconds
        part = seconds / max(1e-9, build - seconds)
        per_report.append((c.reports, seconds / c.reports))
        rows.append(Row("concept pass after build", c.reports, fmt_seconds(seconds),
                        f"build {fmt_seconds(build)} ({found['programmes']} programmes → {found['concepts']} concepts)",
                        f"{part:.1%} of the build without it", f"≤ {TARGET:.0%} of the build", verdict(part <= TARGET)))
    if len(per_report) >= 2:
        (n0, t0), (n1, t1) = per_report[0], per_report[-1]
        rows.append(Row("concept pass time per report", f"{n0}→{n1}", f"{t1 * 1000:.2f} ms",
                        f"{t0 * 1000:.2f} ms at {n0}", f"{t1 / t0:.2f}× per report for {n1 / n0:.0f}× reports",
                        "near-linear (≤ 2× per report)", verdict(t1 / t0 <= 2)))
    return rows


_BUILDS = "https://w3id.org/govkg/graph/builds"       # completion markers: one per copied report too
_FACTS = tuple(f"https://w3id.org/govkg/id/{k}/" for k in ("report", "adoption", "outcome", "citation", "evidence"))


def replicate(source: Path, factor: int, dest: Path) -> Path:
    """A store holding `factor` copies of every report graph of `source` (report and fact IRIs made
    unique per copy; places, programmes and documents shared): a store `factor` times larger without
    extracting `factor` times more text. Reused when it exists."""
    import shutil

    import pyoxigraph as ox
    done = dest / ".complete"
    if done.exists():
        return dest
    shutil.rmtree(dest, ignore_errors=True)
    src, out = ox.Store.read_only(str(source)), ox.Store(str(dest))

    def renamed(term, k):
        if k and isinstance(term, ox.NamedNode) and term.value.startswith(_FACTS):
            return ox.NamedNode(f"{term.value}-{k}")
        return term

    for k in range(factor):
        batch = []
        for q in src.quads_for_pattern(None, None, None, None):
            if k and not (q.graph_name.value.startswith(_FACTS[0]) or q.graph_name.value == _BUILDS):
                continue                                   # shared graphs (places, programmes …) once
            batch.append(ox.Quad(renamed(q.subject, k), q.predicate, renamed(q.object, k), renamed(q.graph_name, k)))
            if len(batch) >= 200_000:
                out.bulk_extend(batch)
                batch = []
        out.bulk_extend(batch)
    out.flush()
    out.optimize()
    del out
    done.write_text("ok\n")
    return dest


def replica_rows(c: measure.Corpus, factor: int) -> list[Row]:
    """The pass over a store `factor` times the largest corpus, against `factor` times its build."""
    store = measure.store_for(c)
    if store is None or 1 not in c.runs:
        return [na("concept pass, replicated store", c.reports * factor, "the build failed")]
    replica = replicate(store, factor, store.parent / f"replica-{c.reports}x{factor}")
    seconds, found = time_pass(replica)
    build = c.runs[1].seconds * factor
    part = seconds / max(1e-9, build - seconds)
    return [Row("concept pass, replicated store", c.reports * factor, fmt_seconds(seconds),
                f"build estimated {fmt_seconds(build)} ({factor}× the {c.reports}-report build)",
                f"{part:.1%} of the build without it", f"≤ {TARGET:.0%} of the build", verdict(part <= TARGET))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.concepts", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000", help="corpus sizes (default 200,1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", required=True, help="where corpora and stores go (kept and reused)")
    parser.add_argument("--replicate", type=int, default=0, metavar="K",
                        help="also time the pass over K copies of the largest store (10 → 10,000 from 1,000)")
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    corpora = [measure.corpus(Path(args.workdir), n, args.seed) for n in sizes]
    rows = share(corpora)
    if args.replicate > 1:
        rows += replica_rows(corpora[-1], args.replicate)
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
