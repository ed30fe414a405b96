"""A sentence → its clauses (split at ，；、：, never inside quotes or 《》) and the offsets that lie
inside quotes or book titles, where a number is part of a name rather than a figure."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Clause", "split", "quoted"]

_SEPARATORS = "，,；;、：:。！？!?"
_OPEN = {"“": "”", "《": "》", "「": "」", "〈": "〉", "『": "』", "‘": "’"}


@dataclass(frozen=True)
class Clause:
    """Clause [start, end) of a sentence; `sep` is the separator that ended the clause before it."""

    start: int
    end: int
    sep: str = ""


def _depths(sentence: str) -> list[int]:
    """Nesting depth of quotes/titles at each offset (an unclosed quote ends with the sentence)."""
    depth, stack, out = 0, [], []
    for ch in sentence:
        if stack and ch == stack[-1]:
            stack.pop()
            depth -= 1
            out.append(depth + 1)
            continue
        if ch in _OPEN:
            stack.append(_OPEN[ch])
            depth += 1
        out.append(depth)
    return out


def quoted(sentence: str) -> frozenset[int]:
    """Offsets of characters inside “…” or 《…》.

    >>> s = "推行“1+6”模式，受理5件"
    >>> sorted(quoted(s)) == list(range(2, 7))
    True
    """
    return frozenset(i for i, d in enumerate(_depths(sentence)) if d > 0)


def _bracketed(sentence: str) -> frozenset[int]:
    """Offsets inside a short bracket closed within _BRACKET_MAX characters (站(室、点), 县（市、区）),
    whose 、 lists alternatives of one name rather than separating clauses; a bracket with digits
    (线上12件、线下8件) holds figures of its own and is not one."""
    out, opened = set(), []
    for i, ch in enumerate(sentence):
        if ch in "(（":
            opened.append(i)
        elif ch in ")）" and opened:
            j = opened.pop()
            if i - j <= _BRACKET_MAX and not any(c.isdigit() for c in sentence[j:i]):
                out.update(range(j + 1, i))
    return frozenset(out)


_BRACKET_MAX = 12


def split(sentence: str) -> list[Clause]:
    """Clauses of `sentence`; separators between digits (1,234 or 11:30) or inside a short bracket
    (中心(站、室)) do not split.

    >>> s = "受理1,234件、办结“甲、乙”5件；满意率99%"
    >>> [s[c.start:c.end] for c in split(s)]
    ['受理1,234件', '办结“甲、乙”5件', '满意率99%']
    >>> [c.sep for c in split(s)]
    ['', '、', '；']
    >>> [c.end for c in split("建成服务中心(站、室)60个")]
    [14]
    """
    depths = _depths(sentence)
    inside = _bracketed(sentence)
    out, start, sep = [], 0, ""
    for i, ch in enumerate(sentence):
        if ch not in _SEPARATORS or depths[i] > 0 or i in inside:
            continue
        if ch in ",:" and 0 < i < len(sentence) - 1 and sentence[i - 1].isdigit() and sentence[i + 1].isdigit():
            continue
        if i > start:
            out.append(Clause(start, i, sep))
        start, sep = i + 1, ch
    if start < len(sentence):
        out.append(Clause(start, len(sentence), sep))
    return out
