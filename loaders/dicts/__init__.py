"""The one reader of the word lists and weights shipped in `loaders/dicts/` (package data).

Every file is UTF-8 text, one entry a line, columns separated by a tab; blank lines and lines starting
with ``#`` are comments. Files are read once, on first use, through `importlib.resources`.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

__all__ = ["text", "rows", "words", "table", "weights"]


@lru_cache(maxsize=None)
def text(name: str) -> str:
    """The whole of `loaders/dicts/<name>`.

    >>> text("document_types.txt").splitlines()[0].startswith("#")
    True
    """
    return files("loaders.dicts").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of a dictionary file, each split at tabs (comments dropped, cells stripped).

    >>> ("制度", "institution", "both", "strong") in rows("programme_heads.tsv")
    True
    """
    out = []
    for line in text(name).splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(tuple(cell.strip() for cell in line.split("#")[0].rstrip().split("\t")))
    return tuple(r for r in out if r and r[0])


@lru_cache(maxsize=None)
def words(name: str, column: int | None = None, value: str | None = None) -> tuple[str, ...]:
    """First-column words of a file, longest first; only rows whose `column` equals `value` if given.

    >>> words("document_types.txt")[0]
    '指标体系'
    >>> "全年" in words("outcome_trim.txt", 1, "scope")
    True
    """
    found = {r[0] for r in rows(name)
             if column is None or (len(r) > column and r[column] == value)}
    return tuple(sorted(found, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, str]:
    """First column → second column (the word itself when a row has one column).

    >>> table("outcome_units.txt")["个百分点"], table("outcome_units.txt")["人次"]
    ('百分点', '人次')
    """
    return {r[0]: (r[1] if len(r) > 1 else r[0]) for r in rows(name)}


@lru_cache(maxsize=None)
def weights(name: str) -> dict[str, float]:
    """A ``name<TAB>number`` file as a dict of floats (scoring weights, thresholds).

    >>> weights("programme_weights.tsv")["threshold"] > 0
    True
    """
    return {r[0]: float(r[1]) for r in rows(name) if len(r) > 1}
