"""Titles in 《》 found in the normalised text: balanced, nested (〈〉, <>, 《《》》) and length-capped."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

__all__ = ["Cite", "scan", "split_lists"]

MAX_TITLE = 120              # longer than any real title: an unclosed 《 must not swallow a paragraph
_STOP = set("\n。！？!?；;")   # a title never runs across these
_INNER = re.compile(r"〈([^〈〉《》\n]{2,100})〉|<([^<>《》\n]{2,100})>")


@dataclass(frozen=True)
class Cite:
    """One 《title》 occurrence: title text, span of the whole bracketed title, enclosing cite if nested."""

    title: str
    start: int
    end: int
    outer: int | None = None     # index (in scan's result) of the title this one is nested in


def scan(norm: str) -> list[Cite]:
    """Every 《》 title, outer before inner; an inner title points at its outer one.

    >>> [(c.title, c.outer) for c in scan("印发《关于印发〈甲方案〉的通知》和《乙办法》。")]
    [('关于印发〈甲方案〉的通知', None), ('甲方案', 0), ('乙办法', None)]
    >>> [c.title for c in scan("《未闭合的标题，后文很长。《丙条例》")]
    ['丙条例']
    """
    cites: list[Cite] = []
    pos = 0
    while True:
        start = norm.find("《", pos)
        if start < 0:
            return cites
        end = _close(norm, start)
        if end is None:
            pos = start + 1
            continue
        _add(cites, norm, start, end, None)
        pos = end


def _close(norm: str, start: int) -> int | None:
    """End (exclusive) of the balanced 《…》 opening at `start`, or None if it is unbalanced."""
    depth = 0
    for i in range(start, min(len(norm), start + MAX_TITLE + 2)):
        ch = norm[i]
        if ch == "《":
            depth += 1
        elif ch == "》":
            depth -= 1
            if depth == 0:
                return i + 1 if i - start > 2 else None
        elif ch in _STOP:
            return None
    return None


def _add(cites: list[Cite], norm: str, start: int, end: int, outer: int | None) -> None:
    """Record the cite at norm[start:end] and, recursively, the titles nested inside it."""
    title = norm[start + 1:end - 1]
    if not title.strip():
        return
    index = len(cites)
    cites.append(Cite(title, start, end, outer))
    body = start + 1
    pos = body
    while pos < end - 1:
        inner = norm.find("《", pos, end - 1)
        if inner < 0:
            break
        inner_end = _close(norm, inner)
        if inner_end is None or inner_end > end - 1:
            break
        _add(cites, norm, inner, inner_end, index)
        pos = inner_end
    for m in _INNER.finditer(norm, body, end - 1):
        _add(cites, norm, m.start(), m.end(), index)


def split_lists(cites: list[Cite], is_title: Callable[[str], bool]) -> list[Cite]:
    """Split 《甲法、乙法》 (several titles in one pair of brackets) into one cite per title.

    Only a cite with nothing nested in it is split, and only when every part is a title by itself
    and none is a 关于…的 construction (whose 、 joins the clauses of one title).

    >>> has_type = lambda t: t.endswith("法")
    >>> [(c.title, c.start, c.end) for c in split_lists(scan("《甲法、乙法》"), has_type)]
    [('甲法', 1, 3), ('乙法', 4, 6)]
    >>> [c.title for c in split_lists(scan("《关于学习甲法、乙法的通知》"), has_type)]
    ['关于学习甲法、乙法的通知']
    """
    nested = {c.outer for c in cites if c.outer is not None}
    out: list[Cite] = []
    renumber: dict[int, int] = {}
    for i, cite in enumerate(cites):
        parts = cite.title.split("、")
        if i in nested or cite.outer is not None or len(parts) < 2 or not _splittable(parts, is_title):
            renumber[i] = len(out)
            out.append(Cite(cite.title, cite.start, cite.end,
                            renumber.get(cite.outer) if cite.outer is not None else None))
            continue
        pos = cite.start + 1
        for part in parts:
            out.append(Cite(part, pos, pos + len(part), None))
            pos += len(part) + 1
    return out


def _splittable(parts: list[str], is_title: Callable[[str], bool]) -> bool:
    if any(not p or p.startswith("关于") or "的" in p for p in parts):
        return False
    return all(is_title(p) for p in parts)
