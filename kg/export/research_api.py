"""The research side of `KnowledgeGraph`: the event-history panel as a DataFrame and diffusion plots.

`ResearchMixin` needs only ``self.store`` (like `kg.api.QueryMixin`); `KnowledgeGraph` lists it among its bases.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["ResearchMixin"]


class ResearchMixin:
    """Panels and figures for diffusion research.

    >>> import pyoxigraph as ox
    >>> class Graph(ResearchMixin):
    ...     def __init__(self, store): self.store = store
    >>> len(Graph(ox.Store()).panel())
    0
    """

    def panel(self, program: str | None = None, min_adopters: int = 1):
        """The jurisdiction × year × programme-concept event-history panel as a pandas DataFrame
        (columns and rules in `kg.export.codebook`; `export("panel", path)` writes it with its codebook)."""
        from kg.export.eventpanel import panel_rows, resolve_program
        from kg.export.eventpanel_write import frame
        programs = resolve_program(self, program) if program else None
        return frame(panel_rows(self, programs=programs, min_adopters=min_adopters).rows)

    def plot_diffusion(self, program: str, path: str | Path, by: str | None = None) -> Path:
        """Draw the cumulative adopters of `program` by year to `path` (.png or .svg), one curve per
        province or level with `by`; see `kg.export.plot.plot_diffusion`."""
        from kg.export.plot import plot_diffusion
        return plot_diffusion(self, program, path, by=by)

    def diffusion(self, program: str, by: str | None = None) -> dict[str, list[tuple[int, int]]]:
        """Group → [(year, cumulative adopters)] for `program`; see `kg.export.plot.diffusion_series`."""
        from kg.export.plot import diffusion_series
        return diffusion_series(self, program, by=by)
