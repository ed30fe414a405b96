"""`govkg extract`: run the loaders over files and yield contract JSON objects (nothing is stored)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from loaders import load_report
from loaders.errors import LoadError

__all__ = ["extract_files"]


def extract_files(paths: Iterable[str | Path]) -> Iterator[dict | LoadError]:
    """Yield each file's contract JSON object, or the `LoadError` that stopped it.

    >>> next(extract_files(["no-such-file.txt"]))
    LoadError('no-such-file.txt: cannot read file (No such file or directory)')
    """
    for path in paths:
        try:
            extraction = load_report(path)
        except LoadError as exc:
            yield exc
            continue
        row = extraction.to_json()
        row["source"] = str(path)
        yield row
