"""Positioned text of pages → the report's plain text, one paragraph a line, with the page of each part.

PDF text layers, OCR output and OFD pages all give pieces of text with boxes. This module turns them
into what a reader of the printed page sees: pieces on one baseline form a line (far-apart pieces are
table cells, kept as one row with cells two spaces apart); running headers, footers and page numbers
are dropped; lines broken at the right margin or at a page end are rejoined (no space between Chinese
characters), and a paragraph ends where the next line is indented, the line stops short of the margin,
or the gap below it is wide.
"""
from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from loaders.records import Part

__all__ = ["Run", "assemble", "CELL_GAP"]

CELL_GAP = "  "
_PAGE_NO = re.compile(r"^[-—–－\s]*(?:第\s*)?[0-9０-９]{1,4}\s*(?:页)?\s*(?:[/／]\s*[0-9]{1,4}|共\s*[0-9]{1,4}\s*页)?[-—–－\s]*$"
                      r"|^[-—–－\s]*[ivxlcIVXLC]{1,6}[-—–－\s]*$")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_RADICALS = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in (*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6))
             if unicodedata.normalize("NFKC", chr(c)) != chr(c)}


@dataclass(frozen=True)
class Run:
    """A piece of text on a page: its box (x0, top, x1, bottom; y grows downward) and text."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str


@dataclass
class _Line:
    x0: float
    top: float
    x1: float
    bottom: float
    page: int
    pieces: list[Run]
    cells: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return CELL_GAP.join(self.cells)

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)


def assemble(pages: list[list[Run]], first_page: int = 1, tidy: Callable[[str], str] | None = None,
             tidy_pages: Iterable[int] = ()) -> tuple[str, tuple[Part, ...]]:
    """The plain text of `pages` and the page of each stretch of it; `tidy` rewrites the paragraphs
    on `tidy_pages` (numbered like the pages), as OCR output needs.

    >>> body = [[Run(100, 100, 500, 112, "全区推行“企业安静期”制度，入企检"), Run(72, 124, 300, 136, "查下降三成。")],
    ...         [Run(100, 100, 400, 112, "全区推行“首违不罚”。")]]
    >>> text, parts = assemble([body[0] + [Run(290, 800, 310, 810, "— 1 —")], body[1] + [Run(290, 800, 310, 810, "2")]])
    >>> text
    '全区推行“企业安静期”制度，入企检查下降三成。\\n全区推行“首违不罚”。'
    >>> [(p.start, p.end, p.page) for p in parts]
    [(0, 23, 1), (24, 35, 2)]
    """
    lines = [_lines(runs, n) for n, runs in enumerate(pages, first_page)]
    lines = _drop_chrome(lines)
    flat = [ln for page in lines for ln in page]
    if not flat:
        return "", ()
    return _join(flat, _geometry(flat), tidy, frozenset(tidy_pages))


def _lines(runs: list[Run], page: int) -> list[_Line]:
    """Group runs sharing a baseline band into lines, top to bottom; wide gaps split cells."""
    out: list[_Line] = []
    for run in sorted((r for r in runs if r.text.strip()), key=lambda r: (r.top, r.x0)):
        line = next((ln for ln in reversed(out[-4:]) if _overlap(run, ln)), None)
        if line is None:
            out.append(_Line(run.x0, run.top, run.x1, run.bottom, page, [run]))
        else:
            line.pieces.append(run)
            line.top, line.bottom = min(line.top, run.top), max(line.bottom, run.bottom)
    for line in out:
        _cells(line)
    return sorted((ln for ln in out if ln.cells), key=lambda ln: ln.top)


def _overlap(run: Run, line: _Line) -> bool:
    """Same line: the boxes overlap vertically by half the smaller one (a quote mark sits high)."""
    shared = min(run.bottom, line.bottom) - max(run.top, line.top)
    return shared >= 0.5 * min(run.bottom - run.top, line.height)


def _cells(line: _Line) -> None:
    pieces = sorted(line.pieces, key=lambda r: r.x0)
    height = line.height
    cells, prev = [pieces[0].text.strip()], pieces[0]
    for run in pieces[1:]:
        gap = run.x0 - prev.x1
        text = run.text.strip()
        if gap > 1.8 * height:
            cells.append(text)
        else:
            cells[-1] = _glue(cells[-1], text, gap > 0.25 * height)
        prev = run
    line.cells = tuple(_radicals(c) for c in cells if c)
    line.x0, line.x1 = pieces[0].x0, max(r.x1 for r in pieces)


def _glue(left: str, right: str, spaced: bool) -> str:
    """Join two pieces of one line: a space only between two Latin words or numbers set apart."""
    if left and right and spaced and _ASCII_WORD.match(left[-1]) and _ASCII_WORD.match(right[0]):
        return f"{left} {right}"
    return left + right


def _radicals(text: str) -> str:
    """Kangxi radicals some PDF fonts map ideographs to (⼀ U+2F00 for 一) become the ideographs."""
    return "".join(_RADICALS.get(ch, ch) for ch in text) if any(ch in _RADICALS for ch in text) else text


def _key(text: str) -> str:
    return re.sub(r"[0-9０-９]+", "#", re.sub(r"\s+", "", text))


def _drop_chrome(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop page numbers, and headers/footers that repeat near the top or bottom of most pages."""
    edges = [page[:2] + page[-2:] for page in pages]
    repeated = _repeated(edges) if len(pages) >= 2 else set()
    out = []
    for page, lines in zip(pages, edges):
        edge = {id(ln) for ln in lines}
        out.append([ln for ln in page if not (id(ln) in edge and (id(ln) in repeated or _PAGE_NO.match(ln.text)))])
    return out


_FUZZY_PAGES = 40   # beyond this many pages, fuzzy matches are tried only against lines seen twice exactly


def _repeated(edges: list[list[_Line]]) -> set[int]:
    """ids of edge lines whose text (digits aside) recurs at the same place on at least half the pages;
    OCR noise is allowed for (60 % similar)."""
    need = max(2, len(edges) / 2)
    exact = Counter(k for lines in edges for k in {_key(ln.text) for ln in lines})
    seen_twice = [ln for lines in edges for ln in lines if exact[_key(ln.text)] >= 2]
    found: set[int] = set()
    for i, lines in enumerate(edges):
        for line in lines:
            if exact[_key(line.text)] >= need:
                found.add(id(line))
                continue
            if len(edges) <= _FUZZY_PAGES:
                pages_like = 1 + sum(1 for j, other in enumerate(edges) if j != i and any(_similar(line, o) for o in other))
            else:
                like = next((o for o in seen_twice if _similar(line, o)), None)
                pages_like = 1 + (exact[_key(like.text)] if like is not None else 0)
            if pages_like >= need:
                found.add(id(line))
    return found


def _similar(a: _Line, b: _Line) -> bool:
    ka, kb = _key(a.text), _key(b.text)
    if abs(a.top - b.top) > 3 * max(a.height, b.height) or not ka or not kb:
        return False
    return ka == kb or SequenceMatcher(None, ka, kb).ratio() >= 0.6


@dataclass(frozen=True)
class _Geometry:
    left: float
    right: float
    char: float
    leading: float


def _geometry(lines: list[_Line]) -> _Geometry:
    body = [ln for ln in lines if len(ln.cells) == 1] or lines
    char = statistics.median(ln.height for ln in body)
    bins = Counter(int(ln.x0 // (char / 2)) for ln in body)
    common = [b for b, n in bins.items() if n >= max(2, len(body) / 10)]
    left = min(common) * char / 2 if common else min(ln.x0 for ln in body)
    rights = sorted(ln.x1 for ln in body)
    right = rights[int(len(rights) * 0.9)] if len(rights) >= 3 else rights[-1]
    gaps = [b.top - a.bottom for a, b in zip(body, body[1:]) if a.page == b.page and b.top > a.bottom]
    return _Geometry(left, right, char, statistics.median(gaps) if gaps else char)


def _continues(a: _Line, b: _Line, g: _Geometry) -> bool:
    """True when line `b` carries on the paragraph that line `a` left at the right margin."""
    if len(a.cells) > 1 or len(b.cells) > 1:
        return False
    if b.x0 > g.left + 1.3 * g.char:
        return False
    if a.x1 < g.right - 1.5 * g.char:
        return False
    if a.page == b.page and b.top - a.bottom > max(2.2 * g.leading, g.leading + 0.6 * g.char):
        return False
    return True


def _paragraphs(lines: list[_Line], g: _Geometry) -> list[list[tuple[int, str]]]:
    """Lines joined into paragraphs, each a list of (page, text) segments (two when it crosses a page)."""
    paras: list[list[tuple[int, str]]] = []
    for i, line in enumerate(lines):
        prev = lines[i - 1] if i else None
        if prev is None or not _continues(prev, line, g):
            paras.append([(line.page, line.text)])
        elif paras[-1][-1][0] == line.page:
            paras[-1][-1] = (line.page, _glue(paras[-1][-1][1], line.text, True))
        else:
            left = paras[-1][-1][1]
            paras[-1].append((line.page, line.text if _glue(left, line.text, True) == left + line.text
                              else " " + line.text))
    return paras


def _join(lines: list[_Line], g: _Geometry, tidy: Callable[[str], str] | None,
          tidy_pages: frozenset[int]) -> tuple[str, tuple[Part, ...]]:
    """The paragraphs as lines of text, and one `Part` per page stretch; `tidy` rewrites each paragraph
    touching `tidy_pages` (OCR), a page boundary inside it kept at the tidied first segment's length."""
    out, parts, offset = [], [], 0
    for para in _paragraphs(lines, g):
        text = "".join(t for _, t in para)
        bounds = [len(t) for _, t in para]
        if tidy and any(page in tidy_pages for page, _ in para):
            text = tidy(text)
            bounds = [min(len(text), len(tidy(t))) for _, t in para[:-1]]
            bounds.append(len(text) - sum(bounds))
        at = offset
        for (page, _), size in zip(para, bounds):
            if parts and parts[-1].page == page and parts[-1].end >= at - 1:
                parts[-1] = Part(parts[-1].start, at + size, page)
            elif size > 0:
                parts.append(Part(at, at + size, page))
            at += size
        out.append(text)
        offset += len(text) + 1
    return "\n".join(out), tuple(p for p in parts if p.end > p.start)
