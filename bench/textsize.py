"""Extraction time against text length: one report text of 10k, 100k and 300k characters, with its
sentence ends and with every sentence end turned into a comma (the case that used to go quadratic).

Rows give seconds and the time per character relative to the 10k text of the same kind, so a ratio
near 1 means linear; measured in one run, the machine's load average is printed in the row. A last
row reads a 1 MB HTML page nested ever deeper against a flat page of the same size.
"""
from __future__ import annotations

import os
import re
import time

from bench.report import Row, fmt_seconds, verdict

__all__ = ["rows", "long_text", "SIZES"]

SIZES = (10_000, 100_000, 300_000)
_ENDS = re.compile(r"[。！？；;!?\n]")


def long_text(chars: int, sentence_ends: bool = True, seed: int = 0) -> str:
    """`chars` characters of composed report prose; without sentence ends when asked.

    >>> t = long_text(2000, sentence_ends=False)
    >>> len(t), "。" in t, "\\n" in t
    (2000, False, False)
    """
    from bench.compose import compose
    parts, total, index = [], 0, 0
    while total < chars:
        parts.append(compose(seed, index).text)
        total += len(parts[-1]) + 1
        index += 1
    text = "\n".join(parts)[:chars]
    return text if sentence_ends else _ENDS.sub("，", text)


def _seconds(text: str) -> float:
    from loaders.pipeline import extract_text
    start = time.perf_counter()
    extract_text("bench.txt", text)
    return time.perf_counter() - start


def _html_seconds(page: str) -> float:
    from loaders.read.html import html_to_text
    start = time.perf_counter()
    html_to_text(page)
    return time.perf_counter() - start


def html_rows(size: int = 1 << 20) -> list[Row]:
    """A page of `size` bytes nested ever deeper against a flat page of the same size and text."""
    cell = "<div><span>本县推行改革。"
    count = size // len(cell.encode())
    nested = "<html><body>" + cell * count + "</span></div>" * count + "</body></html>"
    flat = "<html><body>" + (cell + "</span></div>") * count + "</body></html>"
    deep, base = _html_seconds(nested), _html_seconds(flat)
    mb = f"{len(nested.encode()) / 2**20:.1f} MB"
    return [Row(f"read HTML nested {count:,} deep ({mb})", 1, fmt_seconds(deep), f"flat page: {fmt_seconds(base)}",
                f"{deep / base:.2f}× flat", "≤ 3× flat", verdict(deep <= 3 * base))]


def rows(sizes=SIZES) -> list[Row]:
    """One row per (size, with/without sentence ends); target: per-character time ≤ 2× the smallest's."""
    from loaders.pipeline import extract_text
    extract_text("warm.txt", long_text(3000))  # lazy caches (gazetteer, lexicons) outside the timing
    load = f"load {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    out = []
    for ends in (True, False):
        kind = "with 。" if ends else "without sentence ends"
        base = None
        for n in sizes:
            seconds = _seconds(long_text(n, ends))
            per_char = seconds / n
            base = base or per_char
            ratio = per_char / base
            out.append(Row(f"extract {n:,} chars, {kind}", 1, fmt_seconds(seconds),
                           f"{sizes[0]:,} chars; {load}", f"{ratio:.2f}× per char",
                           "≤ 2× per char", verdict(ratio <= 2) if n != sizes[0] else ""))
    return out + html_rows(1 << 20 if sizes[-1] >= 100_000 else 1 << 16)
