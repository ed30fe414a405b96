"""`govkg export FORMAT -o FILE [view options] [--store DIR]`: argparse in, one `export` call out."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from kg.cli.serve import add_endpoint_args

__all__ = ["add_export_commands"]

_FORMAT_HELP = ("html (interactive offline network page), graphml, gexf, csv (adoption panel); "
                "panel (jurisdiction × year × programme event-history panel with a codebook); "
                "ttl (union of all graphs), trig, nq, jsonld (named graphs kept)")


def add_export_commands(subparsers: Any) -> None:
    """Add the `export` subcommand to the `govkg` parser's subparsers.

    >>> parser = argparse.ArgumentParser(prog="govkg"); add_export_commands(parser.add_subparsers())
    >>> parser.parse_args(["export", "html", "-o", "g.html", "--year", "2023"]).year
    2023
    """
    from kg.export import EXPORTERS
    p = subparsers.add_parser("export", help="write the graph as an offline HTML network, GraphML, GEXF, "
                              "a panel CSV or an RDF dump", description=f"FORMAT: {_FORMAT_HELP}.")
    p.add_argument("format", choices=list(EXPORTERS), metavar="FORMAT", help=_FORMAT_HELP)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    p.add_argument("--store", metavar="DIR", default=None,
                   help="the store folder (default: $GOVKG_STORE or ./govkg-store)")
    add_endpoint_args(p)
    view = p.add_argument_group("view options (html, graphml, gexf, csv)")
    view.add_argument("--focus", metavar="LABEL", help="only the neighbourhood of the node with this name or alias")
    view.add_argument("--depth", type=int, default=None, metavar="N", help="steps around --focus (default 1)")
    view.add_argument("--types", metavar="T1,T2",
                      help="node types to keep: jurisdiction, programme, document, outcome, report")
    view.add_argument("--year", type=int, metavar="Y", help="only what is dated this year")
    view.add_argument("--jurisdiction", metavar="J", help="this jurisdiction and its sub-units")
    view.add_argument("--program", metavar="P", help="this programme, its adopters and outcomes")
    view.add_argument("--color-by", dest="color_by", choices=["type", "province"],
                      help="html only: colour jurisdictions by province")
    panel = p.add_argument_group("panel options (also --program)")
    panel.add_argument("--format", dest="panel_format", choices=["csv", "parquet", "dta"], default=None,
                       help="the panel's file format (default: from the suffix of -o, else csv); "
                            "a codebook NAME.codebook.md is written beside it")
    panel.add_argument("--min-adopters", dest="min_adopters", type=int, default=None, metavar="N",
                       help="only programme concepts adopted by at least N jurisdictions (default 1)")
    p.set_defaults(func=_cmd_export)


def _cmd_export(args: argparse.Namespace) -> int:
    from kg.cli.query import open_target
    from kg.export import export
    if args.depth is not None and not args.focus:
        print("govkg: error: --depth: needs --focus", file=sys.stderr)
        return 2
    source = open_target(args, snapshot=True)
    depth = args.depth if args.depth is not None else (1 if args.focus else None)
    path = export(source, args.format, args.output, focus=args.focus, depth=depth, types=args.types,
                  year=args.year, jurisdiction=args.jurisdiction, program=args.program,
                  color_by=args.color_by, format=args.panel_format, min_adopters=args.min_adopters)
    print(f"govkg: wrote {path}", file=sys.stderr)
    return 0
