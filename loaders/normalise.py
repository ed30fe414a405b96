"""Length-preserving normalisation: full-width ASCII folded, odd spaces and CR made plain, line ends unified.

Each character maps to exactly one character, so an offset in the normalised text is the same offset
in the original: nothing needs an offset map, and `plain[start:end]` is always the mention's text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalise", "simplify"]

# Full-width forms that ARE Chinese punctuation: kept as they are (extractors match them).
_KEEP = set("！（），：；？")
_SPACES = set("\u00a0\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
              "\u200b\u202f\u205f\ufeff\t\x0b")
_LINE_BREAKS = set("\x0c\x85\u2028\u2029")
_LONE_CR = re.compile(r"\r(?!\n)")
# A full-width comma inside full-width digits, before exactly three of them, groups thousands (２，０３４).
_WIDE_THOUSANDS = re.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")


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
    >>> normalise("２，０３４户，３，４件")
    '2,034户，3，4件'
    """
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
    if "，" in text:
        text = _WIDE_THOUSANDS.sub(",", text)
    return text.translate(_table())


# A page counts as traditional script when this many distinct characters, and this share of its
# Chinese characters, change under OpenCC's t2s: a simplified text with a stray 後 or 於 stays as it is.
_TRAD_MIN_CHARS = 5
_TRAD_MIN_SHARE = 0.02
_CJK = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=1)
def _t2s():
    """OpenCC's traditional → simplified converter, or None when opencc is not installed."""
    try:
        import opencc
    except ImportError:
        return None
    return opencc.OpenCC("t2s").convert


def simplify(text: str) -> str:
    """Traditional script folded to simplified (OpenCC t2s), keeping every offset: a line is converted
    whole (phrase rules: 乾淨 → 干净, 乾坤 stays) where that keeps its length, else character by
    character. Simplified text is returned unchanged.

    >>> simplify("東城區政府堅持依法行政，現將有關情況報告如下")
    '东城区政府坚持依法行政，现将有关情况报告如下'
    >>> simplify("东城区坚持依法行政") == "东城区坚持依法行政"
    True
    """
    convert = _t2s()
    if convert is None or not _looks_traditional(text, convert):
        return text
    out = []
    for line in text.split("\n"):
        whole = convert(line)
        out.append(whole if len(whole) == len(line) else "".join(_char(ch, convert) for ch in line))
    return "\n".join(out)


def _looks_traditional(text: str, convert) -> bool:
    chars = set(_CJK.findall(text))
    if len(chars) < _TRAD_MIN_CHARS:
        return False
    ordered = sorted(chars)
    changed = {a for a, b in zip(ordered, convert("\n".join(ordered)).split("\n")) if a != b}
    if len(changed) < _TRAD_MIN_CHARS:
        return False
    hits = sum(1 for ch in _CJK.findall(text) if ch in changed)
    return hits >= _TRAD_MIN_SHARE * len(_CJK.findall(text))


def _char(ch: str, convert) -> str:
    folded = convert(ch)
    return folded if len(folded) == 1 else ch
