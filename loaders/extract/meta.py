"""Report-level facts: title, kind (government report / news article), year covered, publication date."""
from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.text import Text

__all__ = ["Meta", "extract"]


@dataclass(frozen=True)
class Meta:
    title: str | None
    kind: str
    year: int | None
    published: str | None
    warnings: tuple[str, ...] = ()


_YEAR = re.compile(r"(20[0-4]\d)\s*年")
_DATE = re.compile(r"(20[0-4]\d)[-年/.](\d{1,2})[-月/.](\d{1,2})")


def extract(text: Text) -> Meta:
    """First version: first line mentioning 报告 is the title, first 20xx年 the year."""
    lines = [ln.strip() for ln in text.norm.splitlines() if ln.strip()]
    title = next((ln for ln in lines[:30] if "报告" in ln and len(ln) < 60), None)
    m = _YEAR.search(title or text.norm[:500])
    date = _DATE.search(text.norm[:2000])
    published = f"{date.group(1)}-{int(date.group(2)):02d}-{int(date.group(3)):02d}" if date else None
    kind = "government-report" if title else "news-article"
    return Meta(title, kind, int(m.group(1)) if m else None, published)
