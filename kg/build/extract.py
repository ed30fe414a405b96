"""`govkg extract`: run the loaders over files and yield contract JSON objects (nothing is stored).

An archive (WARC) yields one object per report it holds: its "source" is the archived URL, and it
adds "archive" (the file as given) and "captured" (the capture date).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from loaders import load_report
from loaders.errors import LoadError
from loaders.read import is_archive, members

__all__ = ["extract_files"]


def extract_files(paths: Iterable[str | Path]) -> Iterator[dict | LoadError]:
    """Yield each file's contract JSON object, or the `LoadError` that stopped it.

    >>> next(extract_files(["no-such-file.txt"]))
    LoadError('no-such-file.txt: cannot read file (No such file or directory)')
    """
    for path in paths:
        if is_archive(path):
            yield from _archive(path)
            continue
        try:
            extraction = load_report(path)
        except LoadError as exc:
            yield exc
            continue
        row = extraction.to_json()
        row["source"] = str(path)
        yield row


def _archive(path: str | Path) -> Iterator[dict | LoadError]:
    try:
        found, problem = members(path)
    except LoadError as exc:
        yield exc
        return
    for member in found:
        try:
            row = load_report(member).to_json()
        except LoadError as exc:
            yield exc
            continue
        yield {**row, "archive": str(path), "captured": member.captured}
    if problem:
        yield LoadError(path, problem)
    elif not found:
        yield LoadError(path, "archive holds no HTML, PDF, Word or OFD response")
