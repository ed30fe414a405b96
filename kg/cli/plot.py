"""`govkg plot diffusion PROGRAMME -o FILE.png|.svg [--by province|level]`: argparse in, one call out."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from kg.cli.serve import add_endpoint_args

__all__ = ["add_plot_commands"]


def add_plot_commands(subparsers: Any) -> None:
    """Add `plot` (with its one kind, `diffusion`) to the `govkg` parser's subparsers.

    >>> parser = argparse.ArgumentParser(prog="govkg"); add_plot_commands(parser.add_subparsers())
    >>> parser.parse_args(["plot", "diffusion", "河长制", "-o", "d.png", "--by", "level"]).by
    'level'
    """
    p = subparsers.add_parser("plot", help="draw a figure from the store (diffusion: cumulative adopters by year)",
                              description="Draw a figure from the store.")
    kinds = p.add_subparsers(dest="kind", metavar="KIND")
    kinds.required = True
    d = kinds.add_parser("diffusion", help="cumulative adopters of a programme by year (PNG or SVG)",
                         description="Cumulative number of jurisdictions that adopted PROGRAMME (its concept: "
                                     "every spelling and merged variant), by year of first adoption.")
    d.add_argument("program", metavar="PROGRAMME", help="a programme's label or any alias")
    d.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.png or FILE.svg")
    d.add_argument("--by", choices=["province", "level"], help="one curve per province or per level")
    d.add_argument("--store", metavar="DIR", default=None,
                   help="the store folder (default: $GOVKG_STORE or ./govkg-store)")
    add_endpoint_args(d)
    d.set_defaults(func=_cmd_plot_diffusion)


def _cmd_plot_diffusion(args: argparse.Namespace) -> int:
    from kg.cli.query import open_target
    from kg.export.plot import plot_diffusion
    path = plot_diffusion(open_target(args, snapshot=True), args.program, args.output, by=args.by)
    print(f"govkg: wrote {path}", file=sys.stderr)
    return 0
