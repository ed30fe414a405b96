"""`govkg concepts`: list the concept links of a store for review, accept or reject one, or apply
hand-edited decision files; each handler is one `KnowledgeGraph` call."""
from __future__ import annotations

import sys

from kg.sparql.format import FORMATS, format_rows

__all__ = ["add_concepts_command"]

_ACTIONS = ("list", "accept", "reject", "apply")
_STATUSES = ("proposed", "blocked", "auto", "implied", "accepted", "rejected", "related", "formula")


def _cmd_concepts(args) -> int:
    from kg.cli.query import store_path
    from kg.graph import KnowledgeGraph
    if args.action in ("accept", "reject") and not args.link:
        args.parser.error(f"{args.action} needs the ID of a link (the first column of `govkg concepts`)")
    if args.action == "list" and args.link:
        args.parser.error(f"unexpected {args.link!r}; did you mean `govkg concepts accept {args.link}`?")
    with KnowledgeGraph.open(store_path(args.store)) as kg:
        if args.action == "list":
            rows = kg.concepts(args.status)
        elif args.action == "apply":
            rows = [kg.apply_decisions()]
        else:
            rows = [(kg.accept if args.action == "accept" else kg.reject)(args.link)]
    for warning in rows[0].pop("warnings", []) if args.action == "apply" else []:
        print(f"govkg: {warning}", file=sys.stderr)
    sys.stdout.write(format_rows(rows, args.format) + "\n")
    return 0


def add_concepts_command(subparsers) -> None:
    """Add `concepts` to the `govkg` subcommand parser."""
    p = subparsers.add_parser(
        "concepts", help="review the concepts programme names are grouped into (accept/reject links)",
        description="List proposed and accepted concept links (merges of programme names, related pairs "
                    "kept apart) with confidence and evidence, and names judged political formulas; "
                    "`accept ID` / `reject ID` record a decision beside the store (STORE.concepts.csv) "
                    "and apply it; `apply` applies hand edits of STORE.concepts.csv / STORE.concepts.ttl.")
    p.add_argument("action", nargs="?", choices=_ACTIONS, default="list", help="list (default), accept, reject, apply")
    p.add_argument("link", nargs="?", metavar="ID", help="the link to accept or reject")
    p.add_argument("--status", choices=_STATUSES, help="list only links of this status")
    p.add_argument("--format", "-f", choices=FORMATS, default="table",
                   help="table (fits the terminal), csv or json (default: table)")
    p.add_argument("--store", metavar="DIR", default=None,
                   help="the store folder (default: $GOVKG_STORE or ./govkg-store)")
    p.set_defaults(func=_cmd_concepts, parser=p)
