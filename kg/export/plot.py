"""Diffusion curves: cumulative adopters of one programme (concept) by year, from the event-history
panel's first adoptions, drawn with matplotlib in a CJK font found on the system (PNG or SVG).
"""
from __future__ import annotations

import sys
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

from kg.errors import ExportError, ParameterError

__all__ = ["diffusion_series", "plot_diffusion", "cjk_font", "CURVE_COLOURS", "BY"]

BY = ("province", "level")
# the first colour is the single curve's; groups take them in order (the network page's palette)
CURVE_COLOURS = ["#e15759", "#4e79a7", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#9c755f",
                 "#ff9da7", "#499894", "#d37295", "#86bcb6"]
_CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
                 "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN", "SimHei", "Microsoft YaHei",
                 "PingFang SC", "Heiti SC", "Sarasa Gothic SC")


def cjk_font() -> str | None:
    """The family name of an installed font that has Chinese glyphs, or None.

    >>> cjk_font() is None or isinstance(cjk_font(), str)
    True
    """
    from matplotlib import font_manager
    names = {f.name for f in font_manager.fontManager.ttflist}
    for family in _CJK_FAMILIES:
        if family in names:
            return family
    from matplotlib.ft2font import FT2Font
    for entry in font_manager.fontManager.ttflist:  # any other font that can draw 中文
        try:
            font = FT2Font(entry.fname)
            if font.get_char_index(ord("中")) and font.get_char_index(ord("采")):
                return entry.name
        except (OSError, RuntimeError, ValueError):
            continue
    return None


def diffusion_series(source: Any, program: str, by: str | None = None) -> dict[str, list[tuple[int, int]]]:
    """Group → [(year, cumulative adopters)] for `program` (a label or alias), every year from the first
    adoption to the last year observed; one group "" unless `by` is province or level.

    >>> import pyoxigraph as ox
    >>> diffusion_series(ox.Store(), "河长制")
    Traceback (most recent call last):
    ...
    kg.errors.ParameterError: program '河长制': no programme of that name or alias in the store (see `govkg query programs`)
    """
    from kg.export.eventpanel import panel_rows, resolve_program
    if by not in (None, *BY):
        raise ParameterError(f"--by: expected one of {', '.join(BY)}, not {by!r}")
    rows = panel_rows(source, programs=resolve_program(source, program)).rows
    first: dict[str, tuple[str, int]] = {}
    last_year = None
    for r in rows:
        last_year = max(last_year or r["year"], r["year"])
        if r["first_adoption_year"] is not None:
            group = (r[by] or "(unknown)") if by else ""
            first[r["jurisdiction_id"]] = (group, r["first_adoption_year"])
    if not first:
        return {}
    start = min(y for _, y in first.values())
    end = max(last_year or start, max(y for _, y in first.values()))
    counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for group, year in first.values():
        counts[group][year] += 1
    series = {}
    for group in sorted(counts, key=lambda g: (-sum(counts[g].values()), g)):
        total, points = 0, []
        for year in range(start, end + 1):
            total += counts[group].get(year, 0)
            points.append((year, total))
        series[group] = points
    return series


def _figure(series: dict, title: str, font: str | None):
    import logging

    import matplotlib
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)  # "weight normal, using 500"
    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator
    fig = Figure(figsize=(7, 4.2), dpi=110)
    ax = fig.add_subplot()
    for i, (group, points) in enumerate(series.items()):
        years, totals = zip(*points)
        ax.plot(years, totals, color=CURVE_COLOURS[i % len(CURVE_COLOURS)], linewidth=2.4,
                marker="o", markersize=4, label=group or None)
    ax.set_xlabel("年份 (year)")
    ax.set_ylabel("累计采纳地区数 (cumulative adopters)")
    ax.set_title(title)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    if len(series) > 1 or next(iter(series), ""):
        ax.legend(fontsize=8, loc="upper left")
    if font:
        for text in fig.findobj(lambda a: hasattr(a, "set_fontfamily")):
            text.set_fontfamily([font, "DejaVu Sans"])
    fig.tight_layout()
    return fig


def plot_diffusion(source: Any, program: str, path: str | Path, by: str | None = None) -> Path:
    """Draw the cumulative adopters of `program` (optionally one curve per province or level) to
    `path` (.png or .svg). Warns on stderr when no CJK font is installed.

    >>> import pyoxigraph as ox, tempfile
    >>> plot_diffusion(ox.Store(), "x", tempfile.mkdtemp() + "/d.gif")
    Traceback (most recent call last):
    ...
    kg.errors.ExportError: d.gif: write a .png or .svg file
    """
    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg"):
        raise ExportError(f"{path.name}: write a .png or .svg file")
    series = diffusion_series(source, program, by=by)
    if not series:
        raise ExportError(f"program {program!r}: no jurisdiction with a report adopts it, nothing to draw")
    font = cjk_font()
    if font is None:
        print("govkg: warning: no font with Chinese glyphs found; names will show as boxes "
              "(install fonts-wqy-zenhei or fonts-noto-cjk)", file=sys.stderr)
    adopters = sum(points[-1][1] for points in series.values())
    title = f"{program}: {adopters} adopters" + (f" by {by}" if by else "")
    try:
        with warnings.catch_warnings():  # without a CJK font: said once above, not once per glyph
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            _figure(series, title, font).savefig(path, format=path.suffix[1:].lower())
    except OSError as exc:
        raise ExportError(f"{path}: cannot write the plot ({exc.strerror or exc})") from exc
    return path
