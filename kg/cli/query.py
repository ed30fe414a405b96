"""The query subcommands of `govkg`: `query NAME`, `queries`, `sparql`; argparse in, rows out.

`kg.cli` calls `add_query_commands(subparsers)`; each handler makes one `KnowledgeGraph` call.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.cli.target import add_store_args, open_graph
from kg.errors import ParameterError, QueryError
from kg.sparql.format import FORMATS, format_rows

__all__ = ["add_query_commands", "parse_params"]


def add_output_args(parser: argparse.ArgumentParser) -> None:
    """The options every row-printing command shares: --format and the store options."""
    parser.add_argument("--format", "-f", choices=FORMATS, default="table",
                        help="table (fits the terminal), csv or json (default: table)")
    add_store_args(parser)


def parse_params(items: list[str] | None) -> dict[str, str]:
    """``["program=企业安静期", "min=3"]`` → a dict; a missing '=' is a `ParameterError`.

    >>> parse_params(["program=承诺制+标准地+全代办", "min=3"])
    {'program': '承诺制+标准地+全代办', 'min': '3'}
    """
    params = {}
    for item in items or ():
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ParameterError(f"--param {item!r}: write it as KEY=VALUE, e.g. --param program=企业安静期")
        params[key.strip()] = value
    return params


def _print(rows, fmt: str) -> None:
    text = format_rows(rows, fmt)
    sys.stdout.write(text + "\n")


def _cmd_query(args) -> int:
    params = parse_params(args.param)
    with open_graph(args) as kg:
        rows = kg.query(args.name, limit=args.limit, offset=args.offset, **params)  # an unknown name fails before the store is opened
    _print(rows, args.format)
    return 0


def _cmd_queries(args) -> int:
    from kg.graph import KnowledgeGraph
    rows = [{"name": q.name, "parameters": " ".join(str(p) for p in q.params), "title": q.title}
            for q in KnowledgeGraph.queries()]
    _print(rows, args.format)
    return 0


def _read_query(text: str) -> str:
    if not text.startswith("@"):
        return text
    path = Path(text[1:])
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read the query file ({exc})") from None


def _cmd_sparql(args) -> int:
    text = _read_query(args.query)
    source = args.query[1:] if args.query.startswith("@") else "query"
    with open_graph(args) as kg:
        rows = kg.sparql(text, source=source)
    _print(rows, args.format)
    return 0


def add_query_commands(subparsers) -> None:
    """Add `query`, `queries` and `sparql` to the `govkg` subcommand parser."""
    p = subparsers.add_parser("query", help="run a named query (see `govkg queries`)",
                              description="Run queries/NAME.rq with its parameters bound as RDF terms.")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--param", "-p", action="append", metavar="KEY=VALUE",
                   help="a parameter, e.g. --param program=企业安静期 (repeat for more)")
    p.add_argument("--limit", type=int, metavar="N", help="print at most N rows (a page of a long answer)")
    p.add_argument("--offset", type=int, default=0, metavar="N",
                   help="skip the first N rows (with --limit: the next page)")
    add_output_args(p)
    p.set_defaults(func=_cmd_query)

    p = subparsers.add_parser("queries", help="list the named queries with their parameters")
    p.add_argument("--format", "-f", choices=FORMATS, default="table")
    p.set_defaults(func=_cmd_queries)

    p = subparsers.add_parser("sparql", help="run a read-only SPARQL query (text or @FILE)",
                              description="Run a SELECT/ASK/CONSTRUCT/DESCRIBE query over all reports; "
                                          "updates are refused.")
    p.add_argument("query", metavar="QUERY-or-@FILE")
    add_output_args(p)
    p.set_defaults(func=_cmd_sparql)
