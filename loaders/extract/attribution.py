"""Where a fact holds: the sub-unit (development zone, town, county of the reporting city) that the
sentence around a span names, or the reporting jurisdiction otherwise."""
from __future__ import annotations

from loaders.records import Place
from loaders.text import Text

__all__ = ["where"]


def where(text: Text, start: int, end: int, home: Place | None) -> Place | None:
    """The jurisdiction a mention at text[start:end] is attributed to (first version: `home`)."""
    return home
