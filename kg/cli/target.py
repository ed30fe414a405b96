"""The store a command works on: `--store DIR`, or `--endpoint URL` (and `--graph-store URL`) for a
SPARQL server, declared here once for every subcommand; `open_graph` turns them into the one
`KnowledgeGraph` the handler calls.
"""
from __future__ import annotations

import argparse

__all__ = ["add_store_args", "open_graph"]


def add_store_args(parser: argparse.ArgumentParser, endpoint: bool = True) -> None:
    """Add `--store DIR`, and unless `endpoint` is False, `--endpoint URL` and `--graph-store URL`.

    >>> p = argparse.ArgumentParser(); add_store_args(p)
    >>> vars(p.parse_args(["--endpoint", "http://127.0.0.1:7878/query"]))
    {'store': None, 'endpoint': 'http://127.0.0.1:7878/query', 'graph_store': None}
    """
    parser.add_argument("--store", metavar="DIR", default=None,
                        help="the store folder (default: $GOVKG_STORE or ./govkg-store)")
    if not endpoint:
        return
    parser.add_argument("--endpoint", metavar="URL",
                        help="use a remote SPARQL 1.1 query endpoint instead of the embedded store "
                             "(credentials from GOVKG_ENDPOINT_TOKEN or GOVKG_ENDPOINT_USER/_PASSWORD)")
    parser.add_argument("--graph-store", metavar="URL",
                        help="its Graph Store Protocol URL, for writes (default: derived from --endpoint)")


def open_graph(args: argparse.Namespace):
    """The `KnowledgeGraph` the options name: over --endpoint when given, else over --store's folder.

    >>> open_graph(argparse.Namespace(store=None, endpoint="http://127.0.0.1:7878/query")).store
    RemoteStore('http://127.0.0.1:7878/query')
    """
    from kg.graph import KnowledgeGraph
    return KnowledgeGraph.open(args.store, endpoint=getattr(args, "endpoint", None),
                               graph_store=getattr(args, "graph_store", None))
