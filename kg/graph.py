"""`KnowledgeGraph`: the Python face of a govkg store: build, remove, validate, stats here; named
queries and SPARQL from `kg.api.QueryMixin`, networks and exports from `kg.network.api.NetworkMixin`.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from kg.rdf import iri
from kg.api import QueryMixin
from kg.build.pipeline import BuildSummary, ProgressBar, build
from kg.network.api import NetworkMixin
from kg.export.research_api import ResearchMixin
from kg.store.local import Store

__all__ = ["KnowledgeGraph", "default_store_path"]


def default_store_path() -> Path:
    """$GOVKG_STORE, else ./govkg-store."""
    return Path(os.environ.get("GOVKG_STORE") or "govkg-store")


def _split_warning(warning: str) -> tuple[str, str]:
    """'FILE: reason' → (FILE, reason), for the build summary's skipped list."""
    path, _, reason = warning.partition(": ")
    return path, reason


class KnowledgeGraph(QueryMixin, NetworkMixin, ResearchMixin):
    """A govkg store on disk; reads open it read-only, writes open it for writing.

    Named queries (`query`, `adopters`, … and read-only `sparql`) come from `kg.api.QueryMixin`,
    `to_networkx`/`export` from `kg.network.api.NetworkMixin`, `panel`/`plot_diffusion` from
    `kg.export.research_api.ResearchMixin`.

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
        """Load report files and folders; see `kg.build.pipeline.build`."""
        bar = ProgressBar(progress)
        try:
            summary = build(self._writer(), paths, workers=workers, progress=bar, prune_missing=prune)
        finally:
            bar.close()
        summary.skipped += self._refresh_concepts()  # the concept pass over the whole store (kg.concepts)
        return summary

    def _refresh_concepts(self) -> list[tuple[str, str]]:
        from kg.concepts import refresh
        return [_split_warning(w) for w in refresh(self._writer(), self.path).warnings]

    def concepts(self, status: str | None = None) -> list[dict]:
        """The concept links of the store for review (id, status, kind, from, to, confidence, rule,
        evidence), proposed ones first, and the names judged political formulas; see `kg.concepts`."""
        from kg.concepts import listing
        return listing(self.store, status)

    def accept(self, link: str) -> dict:
        """Accept concept link `link` (merge, or keep related); recorded beside the store, applied now."""
        from kg.concepts import decide
        return decide(self._writer(), self.path, link, accept=True)

    def reject(self, link: str) -> dict:
        """Reject concept link `link` (never merge the two); recorded beside the store, applied now."""
        from kg.concepts import decide
        return decide(self._writer(), self.path, link, accept=False)

    def apply_decisions(self) -> dict:
        """Apply the decision files beside the store (after editing them by hand) without a build."""
        from kg.concepts import apply
        summary = apply(self._writer(), self.path)
        return {"programmes": summary.programmes, "concepts": summary.concepts, **summary.links,
                "warnings": summary.warnings}

    def remove(self, reports: Iterable[str | Path]) -> tuple[list[str], list[str]]:
        """Remove reports given by file path or report IRI (a web archive's path removes every report
        built from it); (removed, not found)."""
        from kg.build.archives import archive_reports
        store, removed, missing = self._writer(), [], []
        for report in reports:
            name = str(report)
            report_iri = name if name.startswith(iri.BASE + "report/") else iri.report(name)
            members = archive_reports(store.reports(), name)
            gone = sum(store.remove_report(r) for r in members) if members else store.remove_report(report_iri)
            if gone:
                removed.extend([name] * gone)     # one entry per report removed
            else:
                missing.append(name)
        if removed:
            self._refresh_concepts()                  # the concepts of what is left
        return removed, missing

    def validate(self) -> tuple[bool, str]:
        """SHACL-validate the store; (conforms, summary text)."""
        from kg.store.validate import validate
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
