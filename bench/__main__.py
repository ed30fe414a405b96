"""The benchmark runner: `python -m bench [--sizes 1000,10000] [--quick]` prints one Markdown table."""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.procs import load_average
from bench.report import Row, render

__all__ = ["main", "run"]


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(s) for s in text.split(",") if s.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"--sizes: expected numbers like 1000,10000, got {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("--sizes: give at least one size ≥ 1")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=_sizes, default=[1000, 10000], help="corpus sizes (default 1000,10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", help="where corpora and stores go (kept, and reused next time); "
                                          "default: a temporary folder removed at the end")
    parser.add_argument("--quick", action="store_true",
                        help="a tiny corpus (sizes 8,16), few repetitions, no rdflib reference: checks the harness runs")
    parser.add_argument("--repeat", type=int, default=30, help="runs per named query (default 30)")
    parser.add_argument("--at", type=int, default=None, metavar="N",
                        help="the size at which build speed, queries, exports and store size are measured "
                             "(default: the largest); peak memory is measured at every size")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib reference timings")
    parser.add_argument("--timeout", type=float, default=300,
                        help="seconds before one query's measurement is killed (default 300)")
    return parser


def run(sizes: list[int], workdir: Path, seed: int = 0, repeat: int = 30, quick: bool = False,
        log=None, timeout: float = 300, at: int | None = None, rdflib: bool = True) -> list[Row]:
    """Every measurement, in the order of the table: ingest and queries at size `at` (default: the
    largest), memory at all sizes."""
    from bench import concepts, measure, queries, readers, textsize
    say = log or (lambda msg: None)
    corpora = []
    for n in sizes:
        say(f"corpus of {n} reports")
        corpora.append(measure.corpus(workdir, n, seed))
    big = next((c for c in corpora if c.reports == at), corpora[-1])
    rows: list[Row] = []
    steps = (("ingest", lambda: measure.ingest(big)), ("memory", lambda: measure.memory(corpora)),
             ("queries", lambda: queries.latency(big, repeat=repeat, rdflib_repeat=0 if quick or not rdflib else 5,
                                                    budget=5 if quick else 30, timeout=min(timeout, 60) if quick else timeout)),
             ("cold start", lambda: measure.cold_start(big, repeat=1 if quick else 3)),
             ("exports", lambda: measure.exports(big)), ("store size", lambda: measure.store_size(big)),
             ("text size", lambda: textsize.rows((2000, 4000) if quick else textsize.SIZES)),
             ("readers", lambda: readers.rows(workdir, quick=quick)), ("concepts", lambda: concepts.share(corpora)))
    for name, step in steps:
        started = time.perf_counter()
        rows += step()
        say(f"{name}: {time.perf_counter() - started:.1f} s")
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table; returns the exit status."""
    args = build_parser().parse_args(argv)
    sizes = [8, 16] if args.quick else args.sizes
    repeat = 3 if args.quick else args.repeat
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="govkg-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started, load_before = time.perf_counter(), load_average()
    try:
        rows = run(sizes, workdir, args.seed, repeat, args.quick,
                   log=lambda msg: print(f"bench: {msg}", file=sys.stderr, flush=True), timeout=args.timeout,
                   at=args.at, rdflib=not args.no_rdflib)
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    print(render(rows))
    print(f"\n{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, "
          f"seed {args.seed}, sizes {','.join(map(str, sizes))}, total {time.perf_counter() - started:.0f} s; "
          f"{os.cpu_count()} CPUs, load average (1/5/15 min) {load_before} at start, {load_average()} at end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
