"""Length-preserving normalisation: full-width ASCII folded, odd spaces and CR made plain spaces.

Each character maps to exactly one character, so an offset in the normalised text is the same offset
in the original: nothing needs an offset map, and `plain[start:end]` is always the mention's text.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["normalise"]

# Characters NFKC would fold but that carry meaning in reports: keep Chinese punctuation as it is.
_KEEP = set("。，、；：？！“”‘’（）《》〈〉【】…—·")
_SPACES = {"\u00a0", "\u3000", "\u2002", "\u2003", "\u2009", "\u200b", "\ufeff", "\r", "\t", "\u2028"}


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    if ch in _SPACES:
        return " "
    if ch in _KEEP or ord(ch) < 0x80:
        return ch
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def normalise(text: str) -> str:
    """Fold full-width digits, letters and %, and turn CR, NBSP and ideographic spaces into spaces.

    >>> normalise("下降３８．６％\\r\\n")
    '下降38.6% \\n'
    >>> len(normalise("ＡＢ　Ｃ")) == len("ＡＢ　Ｃ")
    True
    """
    return "".join(_fold(ch) for ch in text)
