"""The `govkg` command line: argparse in, one API call per subcommand, formatted rows out.

Exit codes: 0 ok, 1 failure (a bad file, store or query), 2 usage error, 3 validation failed.
"""
from __future__ import annotations

import argparse
import json
import sys

from kg.cli_query import add_query_commands
from kg.errors import GovkgError

__all__ = ["main"]


def _cmd_extract(args) -> int:
    from kg.extract import extract_files
    status = 0
    for row in extract_files(args.files):
        if isinstance(row, Exception):
            print(f"govkg: error: {row}", file=sys.stderr)
            status = 1
            continue
        print(json.dumps(row, ensure_ascii=False))
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govkg", description=__doc__.splitlines()[0],
                                     epilog="exit status: 0 ok, 1 failure, 2 usage error, 3 not valid")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    p = sub.add_parser("extract", help="print one JSON object per report file; stores nothing")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=_cmd_extract)
    add_query_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the `govkg` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except GovkgError as exc:
        print(f"govkg: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("govkg: interrupted", file=sys.stderr)
        return 130
