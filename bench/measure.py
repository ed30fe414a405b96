"""Measurements over one corpus size → `Row`s: ingest throughput, peak memory, store size, cold start, export.

Each function measures one thing and returns rows; a thing not in this checkout yet gives an "n/a" row.
"""
from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from bench.generate import generate
from bench.procs import dir_size, has_command, run_kg
from bench.report import Row, fmt_bytes, fmt_rate, fmt_seconds, na, verdict

__all__ = ["Corpus", "corpus", "ingest", "memory", "store_size", "cold_start", "exports", "store_for"]


@dataclass
class Corpus:
    """A generated corpus on disk, and the stores built from it (workers → store folder)."""

    root: Path
    reports: int
    seed: int
    stores: dict[int, Path] = field(default_factory=dict)
    runs: dict[int, object] = field(default_factory=dict)

    @cached_property
    def paths(self) -> list[Path]:
        return sorted(p for p in self.root.iterdir() if p.suffix in (".txt", ".html"))

    @cached_property
    def chars(self) -> int:
        """Characters of plain text (after decoding and removing page chrome) in the corpus."""
        from loaders.read import read
        return sum(len(read(p).text) for p in self.paths)


def corpus(workdir: Path, reports: int, seed: int) -> Corpus:
    """The corpus of `reports` reports for `seed` under `workdir`, generated once and reused.

    >>> import tempfile
    >>> c = corpus(Path(tempfile.mkdtemp()), 3, 0)
    >>> len(c.paths), c.chars > 9000
    (3, True)
    """
    root = Path(workdir) / f"corpus-s{seed}-n{reports}"
    done = root / ".complete"
    if not done.exists():
        shutil.rmtree(root, ignore_errors=True)
        generate(root, reports, seed)
        done.write_text("ok\n")
    return Corpus(root, reports, seed)


def _build(c: Corpus, workers: int):
    """Build c into a fresh store with `workers` workers (once per corpus and worker count)."""
    if workers not in c.runs:
        store = c.root.parent / f"store-s{c.seed}-n{c.reports}-w{workers}"
        shutil.rmtree(store, ignore_errors=True)
        run = run_kg(["build", str(c.root), "--store", str(store), "--workers", str(workers)])
        c.runs[workers] = run
        if run.status == 0:
            c.stores[workers] = store
    return c.runs[workers]


def store_for(c: Corpus) -> Path | None:
    """A store built from c (built with one worker if none exists yet), or None if build fails."""
    if not c.stores and has_command("build"):
        _build(c, 1)
    return next(iter(c.stores.values()), None)


def _jieba_seconds(c: Corpus) -> float:
    import jieba
    from loaders.read import read
    texts = [read(p).text for p in c.paths]
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    start = time.perf_counter()
    for text in texts:
        for _ in tokenizer.cut(text):
            pass
    return time.perf_counter() - start


def _io_seconds(c: Corpus) -> float:
    from loaders.read.encoding import decode
    start = time.perf_counter()
    for p in c.paths:
        decode(p.read_bytes(), str(p))
    return time.perf_counter() - start


def _extract_seconds(c: Corpus) -> tuple[float, float]:
    """(wall, CPU) seconds of `loaders.load_report` over the corpus in this process."""
    from loaders import load_report
    load_report(c.paths[0])           # warm the lazy caches (gazetteer, lexicons) outside the timing
    start, cpu = time.perf_counter(), time.process_time()
    for p in c.paths:
        load_report(p)
    return time.perf_counter() - start, time.process_time() - cpu


def ingest(c: Corpus) -> list[Row]:
    """Build CPU against the loaders-only pass, 1 against 2 workers, and the jieba / I/O floors."""
    n, jieba_s, io_s = c.reports, _jieba_seconds(c), _io_seconds(c)
    extract_s, extract_cpu = _extract_seconds(c)
    rows = [Row("read + decode files (I/O floor)", n, fmt_rate(c.chars, io_s), fmt_seconds(io_s)),
            Row("bare jieba.cut pass (segmentation alone)", n, fmt_rate(c.chars, jieba_s), fmt_seconds(jieba_s)),
            Row("loaders only: load_report, in process", n, fmt_rate(c.chars, extract_s), fmt_seconds(extract_s),
                f"{extract_s / jieba_s:.2f}× jieba; CPU {fmt_seconds(extract_cpu)}")]
    if not has_command("build"):
        rows += [na(f"build, {w} worker{'s' * (w > 1)}", n, "`govkg build` not in this checkout") for w in (1, 2)]
        return rows
    one, two = _build(c, 1), _build(c, 2)
    for w, run in ((1, one), (2, two)):
        name = f"build, {w} worker{'s' * (w > 1)}"
        if run.status != 0:
            rows.append(na(name, n, f"build exited {run.status}: {_last_line(run.stderr)}"))
            continue
        ratio = f"{run.seconds / jieba_s:.2f}× jieba, {run.seconds / io_s:.0f}× I/O"
        target = met = ""
        if w == 2 and one.status == 0:
            ratio += f"; {one.seconds / run.seconds:.2f}× faster than 1 worker"
            target, met = "≥ 1.7× faster than 1 worker", verdict(one.seconds / run.seconds >= 1.7)
        rows.append(Row(name, n, fmt_rate(c.chars, run.seconds), fmt_seconds(run.seconds), ratio, target, met))
    if one.status == 0:
        rows.append(Row("build CPU (1 worker) vs loaders only", n, fmt_seconds(one.cpu),
                        f"loaders only: CPU {fmt_seconds(extract_cpu)}", f"{one.cpu / extract_cpu:.2f}×",
                        "≤ 1.5× loaders only", verdict(one.cpu <= 1.5 * extract_cpu)))
    return rows


def memory(corpora: list[Corpus]) -> list[Row]:
    """Peak resident memory of `build` (1 worker) at each size; the largest against the smallest."""
    if not has_command("build"):
        return [na("build peak RSS (1 worker)", c.reports, "`govkg build` not in this checkout") for c in corpora]
    rows, first = [], None
    for c in corpora:
        run = _build(c, 1)
        if run.status != 0:
            rows.append(na("build peak RSS (1 worker)", c.reports, f"build exited {run.status}"))
            continue
        first = first or (c, run)
        ratio = target = met = ""
        if c is not first[0]:
            grow = run.max_rss / first[1].max_rss
            ratio = f"{grow:.2f}× that at {first[0].reports}"
            target, met = f"≤ 1.3× that at {first[0].reports}", verdict(grow <= 1.3)
        rows.append(Row("build peak RSS (1 worker)", c.reports, fmt_bytes(run.max_rss), "", ratio, target, met))
    return rows


def store_size(c: Corpus) -> list[Row]:
    """Store folder size on disk per report (every file: data, logs, manifests), and what a fact costs."""
    store = store_for(c)
    if store is None:
        return [na("store size on disk per report (logs included)", c.reports,
                   "no store (`govkg build` missing or failed)", "≤ 250 KB")]
    total = dir_size(store)
    logs = sum(p.stat().st_size for p in store.glob("*.log"))
    rows = [Row("store size on disk per report (logs included)", c.reports, fmt_bytes(total / c.reports),
                f"{fmt_bytes(total)} total, logs {fmt_bytes(logs)}; corpus {fmt_bytes(dir_size(c.root) / c.reports)}/report",
                "", "≤ 250 KB", verdict(total / c.reports <= 250 * 1024))]
    cost = _fact_cost(store)
    if cost:
        quads, report_quads, facts = cost
        rows.append(Row("quads per report (report graph / all)", c.reports,
                        f"{report_quads / c.reports:,.0f} / {quads / c.reports:,.0f}",
                        f"{facts / c.reports:,.0f} facts per report (adoptions + outcomes + citations)"))
        rows.append(Row("one fact costs (quads, bytes on disk)", c.reports,
                        f"{report_quads / facts:.1f} quads, {fmt_bytes(total / quads * report_quads / facts)}",
                        f"{fmt_bytes(total / quads)} per stored quad", "evidence and report metadata shared out"))
    return rows


def _fact_cost(store: Path) -> tuple[int, int, int] | None:
    """(all quads, quads in report graphs, facts) of a built store."""
    import pyoxigraph as ox

    from kg.rdf.vocab import SHARED_GRAPHS
    try:
        inner = ox.Store.read_only(str(store))
    except (OSError, RuntimeError):
        return None
    shared = sum(len(list(inner.quads_for_pattern(None, None, None, ox.NamedNode(g)))) for g in SHARED_GRAPHS)
    rows = inner.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?f a ?c } "
                       "VALUES ?c { <https://w3id.org/govkg/ontology#Adoption> <https://w3id.org/govkg/ontology#Outcome> "
                       "<https://w3id.org/govkg/ontology#Citation> } }")
    facts = int(next(iter(rows))["n"].value)
    quads = len(inner)
    return quads, quads - shared, max(facts, 1)


def cold_start(c: Corpus, repeat: int = 3) -> list[Row]:
    """`govkg query reports --format json` in a fresh process: open the store, answer, exit."""
    name = "CLI cold start: query reports --format json"
    store = store_for(c)
    if store is None or not has_command("query"):
        return [na(name, c.reports, "`govkg query` or a built store not in this checkout", "≤ 1 s")]
    runs = [run_kg(["query", "reports", "--format", "json", "--store", str(store)]) for _ in range(repeat)]
    if any(r.status for r in runs):
        return [na(name, c.reports, f"exited {runs[0].status}: {_last_line(runs[0].stderr)}", "≤ 1 s")]
    best = sorted(r.seconds for r in runs)[len(runs) // 2]
    return [Row(name, c.reports, fmt_seconds(best), f"median of {repeat}", "", "≤ 1 s", verdict(best <= 1.0))]


FOCUS = "一网通办"      # a programme many reports adopt: the focus view's worst case in this corpus
_EXPORTS = (("export html, focus view (--focus " + FOCUS + ")", "html", ".html", 3.0, ["--focus", FOCUS]),
            ("export graphml, full graph", "graphml", ".graphml", None, []))


def exports(c: Corpus) -> list[Row]:
    """Time `govkg export html` and `govkg export graphml` in a fresh process each."""
    store = store_for(c)
    rows = []
    for name, fmt, suffix, limit, extra in _EXPORTS:
        target = f"≤ {limit:.0f} s" if limit else ""
        if store is None or not has_command("export"):
            rows.append(na(name, c.reports, "`govkg export` or a built store not in this checkout", target))
            continue
        out = c.root.parent / f"export-n{c.reports}{suffix}"
        run = run_kg(["export", fmt, "-o", str(out), "--store", str(store), *extra])
        if run.status != 0:
            rows.append(na(name, c.reports, f"exited {run.status}: {_last_line(run.stderr)}", target))
            continue
        size = fmt_bytes(out.stat().st_size) if out.exists() else "no file"
        rows.append(Row(name, c.reports, fmt_seconds(run.seconds), f"file {size}", "", target,
                        verdict(run.seconds <= limit) if limit else ""))
    return rows


def _last_line(stderr: str) -> str:
    """The last non-empty line of a command's stderr (the error itself), shortened."""
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    return (lines[-1] if lines else "no message")[:200]
