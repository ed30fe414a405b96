"""The `serve` subcommand and the `--endpoint` options: argparse wiring only, no logic."""
from __future__ import annotations

import argparse

from kg.errors import StoreError

__all__ = ["add_serve_commands", "add_endpoint_args"]


def _positive(kind):
    def convert(text: str):
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be > 0, got {text}")
        return value
    return convert


def add_endpoint_args(parser: argparse.ArgumentParser) -> None:
    """Add `--endpoint URL` and `--graph-store URL` (a remote SPARQL store instead of the embedded one)."""
    parser.add_argument("--endpoint", metavar="URL",
                        help="use a remote SPARQL 1.1 query endpoint instead of the embedded store "
                             "(credentials from GOVKG_ENDPOINT_TOKEN or GOVKG_ENDPOINT_USER/_PASSWORD)")
    parser.add_argument("--graph-store", metavar="URL",
                        help="its Graph Store Protocol URL, for build (default: derived from --endpoint)")


def _cmd_serve(args: argparse.Namespace) -> int:
    from kg.cli.query import store_path
    from kg.serve import serve
    path = store_path(args.store)
    if not path.is_dir():
        raise StoreError(f"{path}: no store here; build one with `govkg build PATH --store {path}`")
    serve(path, host=args.host, port=args.port, timeout=args.timeout, max_body=args.max_body,
          workers=args.workers, quiet=args.quiet, memory=args.max_memory << 20,
          allow_service=args.allow_service or ())
    return 0


def add_serve_commands(subparsers) -> None:
    """Register `govkg serve` on the main parser's subparsers."""
    p = subparsers.add_parser("serve", help="a read-only SPARQL 1.1 Protocol endpoint over the store",
                              description="Serve the store over HTTP: the SPARQL endpoint at /sparql "
                                          "(GET or POST), a query page at /. Updates are refused.")
    p.add_argument("--store", metavar="DIR", help="store folder (default $GOVKG_STORE or ./govkg-store)")
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
