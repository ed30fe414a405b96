"""Sentence splitting with offsets: (start, end) spans of the text, each a sentence or a heading line."""
from __future__ import annotations

import re

__all__ = ["split_sentences"]

# A sentence ends at 。！？； or a line break; closing quotes/brackets stay with their sentence.
_END = re.compile(r"[。！？!?；;]+[”’」』)）]*|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split `text` into sentence spans, trimmed of surrounding white space.

    >>> t = "一是开展试点。二是推广经验！\\n标题行\\n"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['一是开展试点。', '二是推广经验！', '标题行']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end() if m.group().strip() else m.start()
        _add(spans, text, start, end)
        start = m.end()
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
