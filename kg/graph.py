"""`KnowledgeGraph`: the Python face of a govkg store (build, remove, SPARQL, validate, stats).

Named queries (`.query`, `.adopters` …) and exports are added by `kg.query` / `kg.export`.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg import iri
from kg.build import BuildSummary, ProgressBar, build
from kg.errors import QueryError
from kg.store import Store
from kg.vocab import XSD

__all__ = ["KnowledgeGraph", "default_store_path", "term_value"]

_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*"
                     r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_COMMENT = re.compile(r"^\s*#.*$", re.MULTILINE)
_NUMBERS = {XSD.integer.value: int, XSD.int.value: int, XSD.long.value: int,
            XSD.decimal.value: float, XSD.double.value: float, XSD.float.value: float}


def default_store_path() -> Path:
    """$GOVKG_STORE, else ./govkg-store."""
    return Path(os.environ.get("GOVKG_STORE") or "govkg-store")


def term_value(term) -> object:
    """An RDF term as a plain Python value: IRIs as strings, numbers as numbers, unbound as None.

    >>> term_value(ox.Literal("38.6", datatype=XSD.decimal)), term_value(ox.NamedNode("http://x"))
    (38.6, 'http://x')
    """
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        convert = _NUMBERS.get(term.datatype.value)
        if term.datatype.value == XSD.boolean.value:
            return term.value == "true"
        try:
            return convert(term.value) if convert else term.value
        except ValueError:
            return term.value
    return term.value


class KnowledgeGraph:
    """A govkg store on disk; reads open it read-only, writes open it for writing.

    >>> import tempfile
    >>> with KnowledgeGraph.open(tempfile.mkdtemp() + "/kg") as kg:
    ...     kg.build([]).counts["reports"], kg.sparql("SELECT (1 + 1 AS ?two) {}")
    (0, [{'two': 2}])
    """

    def __init__(self, path: Path):
        self.path = path
        self._store: Store | None = None

    @classmethod
    def open(cls, path: str | Path | None = None) -> "KnowledgeGraph":
        """The store at `path` (default: $GOVKG_STORE or ./govkg-store); opened on first use."""
        return cls(Path(path) if path is not None else default_store_path())

    @property
    def store(self) -> Store:
        """The open store: the writer if this graph has written, else a read-only view."""
        if self._store is None:
            self._store = Store.open(self.path, read_only=True)
        return self._store

    def _writer(self) -> Store:
        if self._store is None or self._store.read_only:
            self.close()
            self._store = Store.open(self.path)
        return self._store

    def build(self, paths: Iterable[str | Path], workers: int = 1, prune: bool = False,
              progress: bool = False) -> BuildSummary:
        """Load report files and folders; see `kg.build.build`."""
        bar = ProgressBar(progress)
        try:
            return build(self._writer(), paths, workers=workers, progress=bar, prune_missing=prune)
        finally:
            bar.close()

    def remove(self, reports: Iterable[str | Path]) -> tuple[list[str], list[str]]:
        """Remove reports given by file path or report IRI; (removed, not found)."""
        store, removed, missing = self._writer(), [], []
        for report in reports:
            name = str(report)
            report_iri = name if name.startswith(iri.BASE + "report/") else iri.report(name)
            (removed if store.remove_report(report_iri) else missing).append(name)
        return removed, missing

    def sparql(self, text: str) -> list[dict]:
        """Run a read-only SPARQL query over all graphs; rows as dicts of plain values.

        Raises `QueryError` for a malformed query or an update.
        """
        match = _UPDATE.match(_COMMENT.sub("", text))
        if match:
            raise QueryError(f"updates are not allowed ({match.group(1).upper()}): "
                             "govkg sparql runs read-only queries; use govkg build/remove to change the store")
        result = self.store.query(text)
        if isinstance(result, ox.QueryBoolean):
            return [{"ask": bool(result)}]
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            return [{n: term_value(row[n]) for n in names} for row in result]
        return [{"subject": term_value(t.subject), "predicate": term_value(t.predicate),
                 "object": term_value(t.object)} for t in result]

    def validate(self) -> tuple[bool, str]:
        """SHACL-validate the store; (conforms, summary text)."""
        from kg.validate import validate
        return validate(self.store)

    def stats(self) -> dict[str, int]:
        """Counts of reports, jurisdictions, programmes, documents, outcomes… and triples."""
        return self.store.counts()

    def close(self) -> None:
        """Release the store."""
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
