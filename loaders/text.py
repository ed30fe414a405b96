"""The decoded report as the extractors see it: plain text, its normalised twin, and sentences.

`plain` is the text a user's offsets point into; `norm` is a same-length normalised copy (full-width
digits and letters folded, odd spaces made plain, traditional script folded to simplified), so an
offset found in `norm` is valid in `plain`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from loaders.normalise import normalise, simplify
from loaders.records import Mention
from loaders.segment import split_sentences

__all__ = ["Text"]


@dataclass(frozen=True)
class Text:
    """One report's text, ready for extraction.

    >>> t = Text.make("a.txt", "２０２４年，本县开展工作。成效显著！")
    >>> t.norm[:5], len(t.sentences)
    ('2024年', 2)
    >>> t.mention(0, 4)
    Mention(start=0, end=4, text='２０２４')
    """

    source: str
    plain: str
    norm: str
    encoding: str = "utf-8"
    sentences: tuple[tuple[int, int], ...] = ()
    meta: dict = field(default_factory=dict)   # what the reader saw beside the text (HTML title, dates)

    @classmethod
    def make(cls, source: str, plain: str, encoding: str = "utf-8", meta: dict | None = None) -> "Text":
        norm = simplify(normalise(plain))
        return cls(source, plain, norm, encoding, tuple(split_sentences(norm)), dict(meta or {}))

    def mention(self, start: int, end: int) -> Mention:
        """A span of the plain text."""
        return Mention(start, end, self.plain[start:end])

    def sentence_span(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence containing `offset`."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            start, end = self.sentences[mid]
            if offset < start:
                hi = mid - 1
            elif offset >= end:
                lo = mid + 1
            else:
                return start, end
        return offset, offset

    def sentence(self, offset: int) -> str:
        """The normalised sentence containing `offset`."""
        start, end = self.sentence_span(offset)
        return self.norm[start:end]
