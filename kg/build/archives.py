"""Archives in a build: a WARC file expands into its reports (`loaders.records.Member`), each stored
as its own report graph named by the archive's path and the record's id, its gk:sourceFile the
archive (so pruning and change detection work as for any file) and its gk:sourceURL the archived URL.

Kept apart from `kg.build.pipeline` so the build loop only swaps "a file" for "a file or a member".
"""
from __future__ import annotations

from pathlib import Path

from kg.rdf import iri
from loaders.errors import LoadError
from loaders.read import is_archive, members
from loaders.records import Member

__all__ = ["expand_archives", "report_iri", "source_file", "stale_members", "archive_reports", "job"]

Item = Path | Member


def expand_archives(files: list[Path]) -> tuple[list[Item], list[tuple[str, str]]]:
    """Files with each archive replaced by its members; and (path, reason) for archives that are
    damaged (a truncated archive still yields the members before the cut, and is named too).

    >>> expand_archives([Path("r.txt")])
    ([PosixPath('r.txt')], [])
    """
    items: list[Item] = []
    failed: list[tuple[str, str]] = []
    for path in files:
        if not is_archive(path):
            items.append(path)
            continue
        try:
            found, problem = members(path)
        except LoadError as exc:
            failed.append((str(path), exc.reason))
            continue
        items.extend(found)
        if problem:
            failed.append((str(path), problem))
        elif not found:
            failed.append((str(path), "archive holds no HTML, PDF, Word or OFD response"))
    return items, failed


def report_iri(item: Item | str) -> str:
    """The report's IRI: by resolved path for a file, by archive path and record id for a member.

    >>> report_iri(Path("a.txt")) == iri.report("a.txt")
    True
    """
    if isinstance(item, Member):
        return f"{iri.BASE}report/{iri.digest(str(Path(item.archive).resolve()), item.record_id)}"
    return iri.report(item)


def source_file(item: Item | str) -> Path:
    """The file on disk a report came from (the archive, for a member)."""
    return Path(item.archive) if isinstance(item, Member) else Path(item)


def job(item: Item) -> str | Member:
    """What a build worker is handed: the path as text, or the member itself."""
    return item if isinstance(item, Member) else str(item)


def stale_members(stored: dict[str, tuple[str, str]], items: list[Item]) -> list[str]:
    """Stored reports of an archive in this build that the archive no longer holds (it was replaced)."""
    archives = {str(Path(i.archive).resolve()) for i in items if isinstance(i, Member)}
    current = {report_iri(i) for i in items if isinstance(i, Member)}
    return [r for r, (source, _) in stored.items() if source in archives and r not in current]


def archive_reports(stored: dict[str, tuple[str, str]], path: str | Path) -> list[str]:
    """The stored reports built from the web archive at `path` (none when it is not an archive).

    >>> archive_reports({"r1": ("/c/a.warc.gz", "h"), "r2": ("/c/b.txt", "h")}, "/c/a.warc.gz")
    ['r1']
    """
    if not is_archive(path):
        return []
    source = str(Path(path).resolve())
    return [r for r, (file, _) in stored.items() if file == source]
