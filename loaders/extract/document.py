"""Documents cited in 《》 → `Document` records (type from the last word, issuer from the prefix)."""
from __future__ import annotations

import re

from loaders.records import Document, Place
from loaders.text import Text

__all__ = ["extract"]

_TITLE = re.compile(r"《([^《》\n]{2,80})》")


def extract(text: Text, place: Place | None) -> list[Document]:
    """First version: flat 《…》 titles, typed by their last two characters."""
    found: dict[str, Document] = {}
    for m in _TITLE.finditer(text.norm):
        title = m.group(1)
        old = found.get(title)
        mentions = (old.mentions if old else ()) + (text.mention(m.start(), m.end()),)
        found[title] = Document(title, title[-2:], None, None, mentions)
    return list(found.values())
