"""The outcome word lists shipped in `loaders/dicts/` (units, direction verbs, qualifiers, trims),
read lazily once and turned into longest-first regular-expression alternations."""
from __future__ import annotations

import re
from functools import lru_cache

from loaders import dicts

__all__ = ["units", "verbs", "qualifiers", "trims", "alternation"]


def _lines(name: str) -> tuple[tuple[str, ...], ...]:
    return dicts.rows(name)


@lru_cache(maxsize=None)
def units() -> dict[str, str]:
    """Written unit → stored unit.

    >>> units()["个百分点"], units()["人次"]
    ('百分点', '人次')
    """
    return dicts.table("outcome_units.txt")


@lru_cache(maxsize=None)
def verbs() -> dict[str, str]:
    """Verb → direction (increase, decrease, level).

    >>> verbs()["压缩"], verbs()["提升"], verbs()["达到"]
    ('decrease', 'increase', 'level')
    """
    return {row[0]: row[1] for row in _lines("outcome_verbs.tsv")}


@lru_cache(maxsize=None)
def qualifiers(where: str) -> tuple[str, ...]:
    """Qualifier words that stand `where` (pre, mid or post) around a number, longest first.

    >>> qualifiers("mid")
    ('余', '多')
    """
    words = [row[0] for row in _lines("outcome_qualifiers.tsv") if row[1] == where]
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def trims(kind: str | None = None) -> tuple[str, ...]:
    """Words trimmed from the front of an indicator (all, or one `kind`: scope or verb), longest first.

    >>> "全年" in trims("scope"), "开展" in trims("scope"), "开展" in trims()
    (True, False, True)
    """
    words = [row[0] for row in _lines("outcome_trim.txt") if kind is None or row[1] == kind]
    return tuple(sorted(words, key=len, reverse=True))


def alternation(words) -> str:
    """A regex alternation of `words`, longest first so the longest match wins.

    >>> alternation(["个", "个月"])
    '(?:个月|个)'
    """
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
