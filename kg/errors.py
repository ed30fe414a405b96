"""The error tree of the `kg` side; all subclass `GovkgError`, which the CLI prints as one line."""
from __future__ import annotations

from loaders.errors import GovkgError, LoadError

__all__ = ["GovkgError", "LoadError", "StoreError", "StoreBusy", "QueryError", "UnknownQuery",
           "ParameterError", "ExportError"]


class StoreError(GovkgError):
    """The store cannot be opened, read or written."""


class StoreBusy(StoreError):
    """Another process holds the store for writing."""


class QueryError(GovkgError):
    """A SPARQL query is malformed or not allowed (updates are refused)."""


class UnknownQuery(QueryError):
    """No named query of that name."""


class ParameterError(QueryError):
    """A named query got a parameter it does not take, or a bad value."""


class ExportError(GovkgError):
    """An export format is unknown or the output cannot be written."""
