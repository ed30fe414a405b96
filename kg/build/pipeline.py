"""Files and folders → report graphs in the store: expand, skip unchanged, extract and serialise (in
worker processes), write in batches with a completion marker per report. Bad files are collected,
not fatal.
"""
from __future__ import annotations

import errno
import hashlib
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.build import archives
from kg.store.batch import Batch
from kg.sparql.format import printable
from kg.build.paths import name_problem, path_kind, walk
from kg.store.prune import prune
from kg.store.local import Store
from kg.build.workers import results
from loaders.read import supported

__all__ = ["build", "expand", "prune", "BuildSummary", "ProgressBar"]

Progress = Callable[[int, int, str], None]   # (done, total, path)


@dataclass
class BuildSummary:
    """What a build did: files built, unchanged, failed and skipped; store counts afterwards."""

    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)     # (path, one-line reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)    # not report files: (path, reason)
    removed: list[str] = field(default_factory=list)                # pruned report IRIs
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed

    def line(self) -> str:
        """One summary line.

        >>> BuildSummary(built=["a"], counts={"reports": 1, "programmes": 2, "documents": 1, "outcomes": 0}).line()
        'built 1 report (0 unchanged): the store holds 1 report, 2 programmes, 1 document, 0 outcomes'
        """
        c = self.counts
        text = (f"built {_n(len(self.built), 'report')} ({len(self.unchanged)} unchanged): the store holds "
                f"{_n(c.get('reports', 0), 'report')}, {_n(c.get('programmes', 0), 'programme')}, {_n(c.get('documents', 0), 'document')}, "
                f"{_n(c.get('outcomes', 0), 'outcome')}")
        if self.removed:
            text += f"; removed {_n(len(self.removed), 'report')}"
        skipped = len(self.failed) + len(self.skipped)
        if skipped:
            text += f"; skipped {_n(skipped, 'file')}"
        return text


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def expand(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]], list[tuple[str, str]]]:
    """Files to load (resolved, each once), non-report files skipped, and paths that cannot be read.

    Folders are walked recursively without following symlinked folders; hidden names are skipped.

    >>> expand(["no/such/place"])[2]
    [('no/such/place', 'no such file or directory')]
    """
    files: dict[Path, None] = {}
    skipped: list[tuple[str, str]] = []
    missing: list[tuple[str, str]] = []
    for given in paths:
        path = Path(given)
        kind = path_kind(path)
        if kind == "dir":
            for found in walk(path, missing):
                if supported(found):
                    _add_file(found, files, missing)
                else:
                    skipped.append((str(found), "unsupported file type"))
        elif kind == "file":
            _add_file(path, files, missing)
        else:
            missing.append((str(given), "no such file or directory" if kind == "missing" else kind))
    return list(files), skipped, missing


def _add_file(path: Path, files: dict[Path, None], failed: list[tuple[str, str]]) -> None:
    """Add the resolved regular file, or name `path` with why it cannot be read (never blocks on a FIFO)."""
    if name_problem(path):
        failed.append((str(path), name_problem(path)))
        return
    try:
        resolved = path.resolve(strict=True)
        mode = resolved.stat().st_mode
    except RuntimeError:  # a symlink loop, on Python < 3.13
        failed.append((str(path), "symlink loop"))
        return
    except OSError as exc:
        failed.append((str(path), _unreadable(path, exc)))
        return
    if stat.S_ISREG(mode):
        files.setdefault(resolved, None)
    else:
        failed.append((str(path), "not a regular file (a FIFO, socket or device)"))


def _unreadable(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if path.is_symlink() and exc.errno == errno.ENOENT:
        return "broken symlink (its target does not exist)"
    return f"cannot read file ({exc.strerror or exc})"


def content_hash(path: Path) -> str | None:
    """SHA-256 of the file's bytes, or None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _plan(store, files: list[Path], summary: BuildSummary) -> tuple[list[tuple[str, str]], set[str]]:
    """(path, content hash) of each file to build, and the reports among them already stored; drops
    the graphs a stopped build left without a completion marker (they are built again)."""
    unfinished = store.unfinished()
    if unfinished:
        store.write_batch(unfinished, b"", b"", b"")
    stored = store.reports()
    todo: list[tuple[str, str]] = []
    for path in files:
        digest = content_hash(archives.source_file(path))
        report = archives.report_iri(path)
        if digest is not None and stored.get(report, (None, None))[1] == digest:
            summary.unchanged.append(str(path))
        else:
            todo.append((archives.job(path), digest or ""))
    for report in archives.stale_members(stored, files):   # an archive rebuilt without them
        store.remove_report(report)
    return todo, set(stored)


def build(store: Store, paths: Iterable[str | Path], workers: int = 1, progress: Progress | None = None,
          prune_missing: bool = False) -> BuildSummary:
    """Load files and folders into `store` in batches (`kg.store.batch`); never stops at a bad file.

    Workers extract and serialise (`kg.build.workers`); this process only writes. Each report is marked
    complete once its graph is on disk, so a build stopped at any moment is finished by the next.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "r.txt").write_text("平遥县2023年法治政府建设情况报告\\n全县推行“企业安静期”制度。")
    >>> with Store.open(d / "store") as s:
    ...     summary = build(s, [d / "r.txt", d / "gone.txt"])
    >>> len(summary.built), [reason for _, reason in summary.failed]
    (1, ['no such file or directory'])
    """
    files, skipped, missing = expand(paths)
    files, broken = archives.expand_archives(files)     # a WARC becomes the reports it holds
    summary = BuildSummary(failed=list(missing) + broken, skipped=skipped)
    store.load_vocabulary()
    todo, stored = _plan(store, files, summary)
    batch = Batch()
    done = len(summary.unchanged)
    for result in results(todo, workers):
        if result.reason is not None:
            summary.failed.append((result.path, result.reason))
        else:
            report = archives.report_iri(result.job)
            batch.add(report, result.digest, result.graph, result.shared or {}, report in stored)
            summary.built.append(result.path)
            if batch.full:
                batch.write(store)
        done += 1
        if progress:
            progress(done, len(files), result.path)
    batch.write(store)
    if prune_missing:
        summary.removed = prune(store)
    summary.failed.sort()
    summary.counts = store.counts()
    return summary


class ProgressBar:
    """A tqdm bar on stderr (only when stderr is a terminal) usable as a `build` progress callback."""

    def __init__(self, enabled: bool = True):
        import sys
        self.enabled = enabled and sys.stderr.isatty()
        self._bar = None

    def __call__(self, done: int, total: int, path: str) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            from tqdm import tqdm
            self._bar = tqdm(total=total, unit="file", desc="building", leave=False)
        self._bar.n = done
        self._bar.set_postfix_str(printable(Path(path).name), refresh=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
