"""`KnowledgeGraph` over a `RemoteStore`: build, remove and every query against a SPARQL server."""
from __future__ import annotations

from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.store.remote import RemoteStore

__all__ = ["RemoteKnowledgeGraph"]


class RemoteKnowledgeGraph(KnowledgeGraph):
    """A KnowledgeGraph whose store is a SPARQL server (reads and writes go over HTTP).

    >>> RemoteKnowledgeGraph(RemoteStore("http://127.0.0.1:7878/query")).store
    RemoteStore('http://127.0.0.1:7878/query')
    """

    def __init__(self, remote: RemoteStore):
        super().__init__(Path(remote.endpoint))
        self._remote = remote

    @classmethod
    def from_args(cls, args) -> "RemoteKnowledgeGraph":
        """From the `--endpoint` / `--graph-store` options."""
        return cls(RemoteStore(args.endpoint, getattr(args, "graph_store", None)))

    @property
    def store(self) -> RemoteStore:
        return self._remote

    def _writer(self) -> RemoteStore:
        return self._remote

    def close(self) -> None:
        """Nothing to release."""
