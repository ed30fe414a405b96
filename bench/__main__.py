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
from bench.report import Row, na, render

__all__ = ["main", "run"]


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(s) for s in text.split(",") if s.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"--sizes: expected numbers like 1000,10000, got {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("--sizes: give at least one size ≥ 1")
    return sizes


STEPS = ("ingest", "memory", "queries", "rdflib", "cold-start", "exports", "store-size", "text-size", "readers",
         "concepts")
READ_STEPS = ("queries", "cold-start", "exports", "store-size")     # what needs only a built store


def _steps(text: str) -> list[str]:
    steps = [s.strip() for s in text.split(",") if s.strip()]
    unknown = [s for s in steps if s not in STEPS]
    if unknown or not steps:
        raise argparse.ArgumentTypeError(f"--only: unknown step {', '.join(unknown) or '(none)'} "
                                         f"(steps: {', '.join(STEPS)})")
    return steps


def _store(text: str) -> tuple[int, Path]:
    size, sep, path = text.partition("=")
    if not sep or not size.strip().isdigit() or not path:
        raise argparse.ArgumentTypeError(f"--store: expected REPORTS=DIR like 1000=/work/store-1k, got {text!r}")
    if not (Path(path) / "CURRENT").is_file():
        raise argparse.ArgumentTypeError(f"--store: {path} is not a store folder (no CURRENT file)")
    return int(size), Path(path)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=_sizes, default=None, help="corpus sizes (default 1000,10000; "
                        "with --store: the sizes of the stores given)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", help="where corpora and stores go (kept, and reused next time: a store whose "
                                          "build finished with the same code and corpus is not built again); "
                                          "default: a temporary folder removed at the end")
    parser.add_argument("--store", type=_store, action="append", default=[], metavar="REPORTS=DIR",
                        help="measure this existing store (opened read-only, never rebuilt) as the store of "
                             "REPORTS reports; repeat for several sizes. Default steps then: " + ",".join(READ_STEPS))
    parser.add_argument("--only", type=_steps, default=None, metavar="STEP,…",
                        help=f"run only these steps ({', '.join(STEPS)})")
    parser.add_argument("--rebuild", action="store_true", help="build the stores again even if finished ones match")
    parser.add_argument("--quick", action="store_true",
                        help="a tiny corpus (sizes 8,16), few repetitions, no rdflib reference: checks the harness runs")
    parser.add_argument("--repeat", type=int, default=30, help="runs per named query (default 30)")
    parser.add_argument("--budget", type=float, default=30,
                        help="seconds of timed runs per named query before it stops repeating (default 30)")
    parser.add_argument("--at", type=_sizes, default=None, metavar="N[,N…]",
                        help="the sizes at which queries, cold start, exports and store size are measured "
                             "(default: the largest, with --store every size given); build speed and the "
                             "rdflib reference at the first of them; peak memory at every size")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib reference timings")
    parser.add_argument("--timeout", type=float, default=300,
                        help="seconds before one query's or export's measurement is killed (default 300)")
    return parser


def run(sizes: list[int], workdir: Path, seed: int = 0, repeat: int = 30, quick: bool = False,
        log=None, timeout: float = 300, at: list[int] | int | None = None, rdflib: bool = True,
        stores: dict[int, Path] | None = None, only: list[str] | None = None, budget: float = 30,
        rebuild: bool = False) -> list[Row]:
    """Every measurement, in the order of the table: ingest at the first size of `at` (default: the
    largest), queries, exports, cold start and store size at each size of `at`, memory at all sizes.

    `stores` maps sizes to existing stores measured as they are (nothing built or generated for them).
    """
    from bench import concepts, measure, queries, readers, textsize
    say = log or (lambda msg: None)
    stores = stores or {}
    corpora = []
    for n in sizes:
        if n in stores:
            corpora.append(measure.existing(workdir, n, seed, stores[n]))
        else:
            say(f"corpus of {n} reports")
            corpora.append(measure.corpus(workdir, n, seed))
            corpora[-1].rebuild = rebuild
    wanted = [at] if isinstance(at, int) else (at or ([n for n in sizes if n in stores] or sizes[-1:]))
    measured = [c for c in corpora if c.reports in wanted] or corpora[-1:]
    only = only or (list(READ_STEPS) if stores else list(STEPS))
    if not rdflib or quick:
        only = [s for s in only if s != "rdflib"]
    first = measured[0]

    def read_rows():
        rows = []
        for before, c in zip([None, *measured], measured):
            rows += queries.latency(c, repeat=repeat, budget=5 if quick else budget,
                                    timeout=min(timeout, 60) if quick else timeout, smaller=before)
        return rows

    steps = {"ingest": lambda: _needs_corpus(first, measure.ingest),
             "memory": lambda: measure.memory([c for c in corpora if c.given is None]),
             "queries": read_rows,
             "rdflib": lambda: queries.rdflib_reference(first, timeout=timeout),
             "cold-start": lambda: [r for c in measured for r in measure.cold_start(c, 1 if quick else 3, timeout)],
             "exports": lambda: [r for c in measured for r in measure.exports(c, timeout)],
             "store-size": lambda: [r for c in measured for r in measure.store_size(c)],
             "text-size": lambda: textsize.rows((2000, 4000) if quick else textsize.SIZES),
             "readers": lambda: readers.rows(workdir, quick=quick),
             "concepts": lambda: concepts.share([c for c in corpora if c.given is None])}
    rows: list[Row] = []
    for name in STEPS:
        if name not in only:
            continue
        started = time.perf_counter()
        rows += steps[name]()
        say(f"{name}: {time.perf_counter() - started:.1f} s")
    return rows


def _needs_corpus(c, measure_rows) -> list[Row]:
    """The rows of a build measurement, or one n/a row for a store given without its corpus."""
    if c.given is not None:
        return [na("build (ingest, memory)", c.reports, "a store was given (--store): nothing is built")]
    return measure_rows(c)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table; returns the exit status."""
    args = build_parser().parse_args(argv)
    stores = dict(args.store)
    sizes = [8, 16] if args.quick else (args.sizes or sorted(stores) or [1000, 10000])
    repeat = 3 if args.quick else args.repeat
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="govkg-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started, load_before = time.perf_counter(), load_average()
    try:
        rows = run(sizes, workdir, args.seed, repeat, args.quick,
                   log=lambda msg: print(f"bench: {msg}", file=sys.stderr, flush=True), timeout=args.timeout,
                   at=args.at, rdflib=not args.no_rdflib, stores=stores, only=args.only, budget=args.budget,
                   rebuild=args.rebuild)
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
