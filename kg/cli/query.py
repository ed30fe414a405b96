"""The query subcommands of `govkg`: `query NAME`, `queries`, `sparql`; argparse in, rows out.

`kg.cli` calls `add_query_commands(subparsers)`; each command calls one function of `kg.sparql.query`/`kg.sparql.rows`.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kg.cli.serve import add_endpoint_args
from kg.errors import ParameterError, QueryError, StoreError
from kg.sparql.format import FORMATS, format_rows

__all__ = ["add_query_commands", "open_store", "parse_params"]

DEFAULT_STORE = "govkg-store"


def add_output_args(parser: argparse.ArgumentParser) -> None:
    """The options every row-printing command shares: --format and --store."""
    parser.add_argument("--format", "-f", choices=FORMATS, default="table",
                        help="table (fits the terminal), csv or json (default: table)")
    parser.add_argument("--store", metavar="DIR", default=None,
                        help=f"the store folder (default: $GOVKG_STORE or ./{DEFAULT_STORE})")
    add_endpoint_args(parser)


def store_path(option: str | None) -> Path:
    """The store folder: --store, else $GOVKG_STORE, else ./govkg-store.

    >>> store_path("/tmp/s").name
    's'
    """
    return Path(option or os.environ.get("GOVKG_STORE") or DEFAULT_STORE)


def open_store(option: str | None = None):
    """Open the store read-only (a `KnowledgeGraph` once that exists, else a bare pyoxigraph store)."""
    path = store_path(option)
    if not path.is_dir():
        raise StoreError(f"{path}: no store here; build one with `govkg build PATH --store {path}`")
    try:
        from kg.graph import KnowledgeGraph
    except ImportError:
        KnowledgeGraph = None
    try:
        if KnowledgeGraph is not None:
            return KnowledgeGraph.open(path)
        import pyoxigraph
        return pyoxigraph.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the store ({exc})") from None


def open_target(args, snapshot: bool = False):
    """The remote store named by --endpoint (copied into memory when `snapshot`), else --store's."""
    from kg.store.remote import open_target as _open_target
    return _open_target(args, lambda a: open_store(a.store), snapshot=snapshot)


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
    from kg.sparql.query import load_query, run_named
    load_query(args.name)  # an unknown name fails before the store is opened
    params = parse_params(args.param)
    _print(run_named(open_target(args), args.name, **params), args.format)
    return 0


def _cmd_queries(args) -> int:
    from kg.sparql.query import list_queries
    rows = [{"name": q.name, "parameters": " ".join(str(p) for p in q.params), "title": q.title}
            for q in list_queries()]
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
    from kg.sparql.rows import run_sparql
    text = _read_query(args.query)
    source = args.query[1:] if args.query.startswith("@") else "query"
    _print(run_sparql(open_target(args), text, source=source), args.format)
    return 0


def add_query_commands(subparsers) -> None:
    """Add `query`, `queries` and `sparql` to the `govkg` subcommand parser."""
    p = subparsers.add_parser("query", help="run a named query (see `govkg queries`)",
                              description="Run queries/NAME.rq with its parameters bound as RDF terms.")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--param", "-p", action="append", metavar="KEY=VALUE",
                   help="a parameter, e.g. --param program=企业安静期 (repeat for more)")
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
