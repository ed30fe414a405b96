"""The reporting jurisdiction: who wrote the report, with its GB/T 2260 code, level and parents."""
from __future__ import annotations

import re

from loaders.records import Place
from loaders.text import Text

__all__ = ["extract"]

_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:市|县|区|旗)")


def extract(text: Text, title: str | None) -> Place | None:
    """First version: the first place-like name in the title or the opening lines."""
    m = _NAME.search(title or "") or _NAME.search(text.norm[:300])
    return Place(m.group()) if m else None
