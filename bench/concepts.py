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
    from kg.store import Store
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.concepts", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000", help="corpus sizes (default 200,1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", required=True, help="where corpora and stores go (kept and reused)")
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    corpora = [measure.corpus(Path(args.workdir), n, args.seed) for n in sizes]
    print(render(share(corpora)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
