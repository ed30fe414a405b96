"""The `serve` subcommand: argparse wiring only, one `KnowledgeGraph.serve` call."""
from __future__ import annotations

import argparse

from kg.cli.target import add_store_args, open_graph

__all__ = ["add_serve_commands"]


def _positive(kind):
    def convert(text: str):
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be > 0, got {text}")
        return value
    return convert


def _cmd_serve(args: argparse.Namespace) -> int:
    with open_graph(args) as kg:
        kg.serve(host=args.host, port=args.port, timeout=args.timeout, max_body=args.max_body,
                 workers=args.workers, quiet=args.quiet, memory=args.max_memory << 20,
                 allow_service=args.allow_service or ())
    return 0


def add_serve_commands(subparsers) -> None:
    """Register `govkg serve` on the main parser's subparsers."""
    p = subparsers.add_parser("serve", help="a read-only SPARQL 1.1 Protocol endpoint over the store",
                              description="Serve the store over HTTP: the SPARQL endpoint at /sparql "
                                          "(GET or POST), a query page at /. Updates are refused.")
    add_store_args(p, endpoint=False)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=7878, help="port (default 7878; 0 picks a free one)")
    p.add_argument("--timeout", type=_positive(float), default=30.0, metavar="SECONDS",
                   help="stop a query after this long (default 30)")
    p.add_argument("--max-body", type=_positive(int), default=1 << 20, metavar="BYTES",
                   help="largest request body accepted (default 1048576)")
    p.add_argument("--workers", type=_positive(int), default=2,
                   help="query worker processes, i.e. queries run at once (default 2)")
    p.add_argument("--max-memory", type=_positive(int), default=2048, metavar="MB",
                   help="address space each query worker may use; a query past it is stopped (default 2048)")
    p.add_argument("--allow-service", action="append", metavar="IRI",
                   help="a SERVICE endpoint queries may call (repeat for more; also $GOVKG_ALLOW_SERVICE); "
                        "federated queries are refused otherwise")
    p.add_argument("--quiet", action="store_true", help="do not log each request")
    p.set_defaults(func=_cmd_serve)
