"""Length-preserving normalisation: full-width ASCII folded, odd spaces and CR made plain, line ends unified.

Each character maps to exactly one character, so an offset in the normalised text is the same offset
in the original: nothing needs an offset map, and `plain[start:end]` is always the mention's text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalise"]

# Full-width forms that ARE Chinese punctuation: kept as they are (extractors match them).
_KEEP = set("！（），：；？")
_SPACES = set("\u00a0\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
              "\u200b\u202f\u205f\ufeff\t\x0b")
_LINE_BREAKS = set("\x0c\x85\u2028\u2029")
_LONE_CR = re.compile(r"\r(?!\n)")


class _Table(dict):
    """A `str.translate` table that folds each character on first sight and remembers it."""

    def __missing__(self, code: int) -> str:
        folded = _fold(chr(code))
        self[code] = folded
        return folded


def _fold(ch: str) -> str:
    if ch in _SPACES or ch == "\r":
        return " "
    if ch in _LINE_BREAKS:
        return "\n"
    if ch < "\x80" or ch in _KEEP:
        return ch
    decomposition = unicodedata.decomposition(ch)
    compat_ideograph = ("\uf900" <= ch <= "\ufaff" or "\u2f00" <= ch <= "\u2fdf"
                        or "\u2e80" <= ch <= "\u2eff")
    if decomposition.startswith(("<wide>", "<narrow>")) or compat_ideograph:
        folded = unicodedata.normalize("NFKC", ch)
        return folded if len(folded) == 1 else ch
    return ch


@lru_cache(maxsize=1)
def _table() -> _Table:
    return _Table()


def normalise(text: str) -> str:
    """Fold full-width digits, letters and %, and turn CR, tabs, NBSP and ideographic spaces into spaces.

    A CR before LF becomes a space (so CRLF reads as " \\n"); a lone CR (old Mac line end), form
    feed or Unicode line separator becomes a line break. Chinese punctuation (，。：；！？（）“”《》)
    and circled numbers (①) are kept. The result always has the same length as `text`.

    >>> normalise("下降３８．６％\\r\\n")
    '下降38.6% \\n'
    >>> normalise("（一）ＡＢ　Ｃ：①")
    '（一）AB C：①'
    >>> normalise("甲\\r乙")
    '甲\\n乙'
    """
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
    return text.translate(_table())
