"""The `govkg` command line: argparse in, one API call per subcommand, formatted rows out.

Exit codes: 0 ok, 1 failure (a bad file, store or query), 2 usage error, 3 validation failed.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from kg.cli.concepts import add_concepts_command
from kg.cli.export import add_export_commands
from kg.cli.plot import add_plot_commands
from kg.cli.query import add_query_commands
from kg.cli.serve import add_endpoint_args, add_serve_commands
from kg import __version__
from kg.errors import GovkgError
from kg.sparql.format import printable

__all__ = ["main", "build_parser", "one_line"]


def one_line(message: object) -> str:
    """A message as one line (a server's error page or a parser's report may span several).

    >>> one_line(ValueError("HTTP 400\\n  Parse error:\\n line 1"))
    'HTTP 400 Parse error: line 1'
    """
    return " ".join(str(message).split())


def _cmd_extract(args) -> int:
    from kg.build.extract import extract_files
    status = 0
    for row in extract_files(args.files):
        if isinstance(row, Exception):
            print(f"govkg: error: {printable(one_line(row))}", file=sys.stderr)
            status = 1
            continue
        print(json.dumps(row, ensure_ascii=False))
    return status


def _open(args):
    if getattr(args, "endpoint", None):  # a SPARQL server instead of the folder (kg/store/remote.py)
        from kg.remote_graph import RemoteKnowledgeGraph
        return RemoteKnowledgeGraph.from_args(args)
    from kg.graph import KnowledgeGraph
    return KnowledgeGraph.open(args.store)


def _cmd_build(args) -> int:
    with _open(args) as kg:
        summary = kg.build(args.paths, workers=args.workers, prune=args.prune, progress=not args.quiet)
    for path, reason in summary.failed + summary.skipped:
        print(f"govkg: skipped {printable(path)}: {printable(one_line(reason))}", file=sys.stderr)
    if not args.quiet:
        print(summary.line())
    return 0 if summary.ok else 1


def _cmd_validate(args) -> int:
    with _open(args) as kg:
        conforms, text = kg.validate()
    print(text)
    return 0 if conforms else 3


def _cmd_remove(args) -> int:
    with _open(args) as kg:
        removed, missing = kg.remove(args.reports)
    for name in missing:
        print(f"govkg: error: no report in the store for {name}", file=sys.stderr)
    print(f"removed {len(removed)} report{'' if len(removed) == 1 else 's'}")
    return 1 if missing else 0


def _cmd_demo(args) -> int:
    from kg.cli.demo import run_demo
    with _open(args) as kg:
        for line in run_demo(kg, html=args.output):
            print(line)
    return 0


def _add_store(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", metavar="DIR", default=None,
                   help="the store folder (default: $GOVKG_STORE or ./govkg-store)")


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors as one `govkg: error:` line (exit 2) instead of usage + message."""

    def error(self, message: str):
        command = self.prog.partition(" ")[2]
        where = f"{command}: " if command else ""
        self.exit(2, f"govkg: error: {where}{message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="govkg", description=__doc__.splitlines()[0],
                                     epilog="exit status: 0 ok, 1 failure, 2 usage error, 3 not valid")
    parser.add_argument("--version", action="version", version=f"govkg {__version__}",
                        help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    p = sub.add_parser("extract", help="print one JSON object per report file; stores nothing")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=_cmd_extract)
    p = sub.add_parser("build", help="load report files and folders (recursively) into the store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _add_store(p)
    p.add_argument("--workers", type=_positive, default=1, metavar="N", help="extraction processes")
    add_endpoint_args(p)
    p.add_argument("--prune", action="store_true", help="also remove reports whose files are gone")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary line")
    p.set_defaults(func=_cmd_build)
    p = sub.add_parser("validate", help="check the store against the SHACL shapes (exit 3 if not valid)")
    _add_store(p)
    add_endpoint_args(p)
    p.set_defaults(func=_cmd_validate)
    p = sub.add_parser("remove", help="remove reports (by file path or report IRI) from the store")
    p.add_argument("reports", nargs="+", metavar="REPORT")
    _add_store(p)
    add_endpoint_args(p)
    p.set_defaults(func=_cmd_remove)
    p = sub.add_parser("demo", help="build the bundled example reports and show a few answers")
    _add_store(p)
    p.add_argument("-o", "--output", default="graph.html", metavar="FILE",
                   help="where to write the network page (default: graph.html)")
    p.set_defaults(func=_cmd_demo)
    add_query_commands(sub)
    add_concepts_command(sub)
    add_export_commands(sub)
    add_plot_commands(sub)
    add_serve_commands(sub)
    for choice in sub._choices_actions:  # `govkg CMD --help` opens with the line `govkg --help` shows
        command = sub.choices[choice.dest]
        command.description = command.description or choice.help[:1].upper() + choice.help[1:] + "."
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def main(argv: list[str] | None = None) -> int:
    """Run the `govkg` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status = args.func(args)
        sys.stdout.flush()  # a closed pipe shows up here, not at interpreter exit
        return status
    except BrokenPipeError:  # `govkg … | head`: the reader left; stop quietly
        _silence_stdout()
        return 1
    except GovkgError as exc:
        print(f"govkg: error: {printable(one_line(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("govkg: interrupted", file=sys.stderr)
        return 130


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (captured in tests)
        pass
