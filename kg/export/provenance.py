"""Where an export came from: tool version, store location, when the store was last written, how many
reports it holds, and when the export was made. Every export carries this (codebook, page footer,
GraphML/GEXF metadata) so a table or a figure can be traced back to its corpus.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

__all__ = ["provenance", "provenance_line", "report_count"]

_COUNT = """PREFIX gk: <https://w3id.org/govkg/ontology#>
SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?r { ?r a gk:Report } }"""


def _utc(timestamp: float | None = None) -> str:
    moment = dt.datetime.fromtimestamp(timestamp, dt.timezone.utc) if timestamp is not None \
        else dt.datetime.now(dt.timezone.utc)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _store_path(source: Any) -> Path | None:
    path = getattr(source, "path", None)
    return Path(path) if path is not None and Path(path).is_dir() else None


def _store_modified(path: Path | None) -> str | None:
    """The newest modification time of the store's files: when it was last built into."""
    if path is None:
        return None
    times = [p.stat().st_mtime for p in path.rglob("*") if p.is_file()]
    return _utc(max(times)) if times else None


def report_count(source: Any) -> int:
    """How many reports (named graphs typed gk:Report) `source` holds.

    >>> import pyoxigraph as ox
    >>> report_count(ox.Store())
    0
    """
    from kg.sparql.rows import run_sparql
    rows = run_sparql(source, _COUNT, labels=False, source="provenance")
    return int(rows[0]["n"]) if rows else 0


def provenance(source: Any, reports: int | None = None) -> dict[str, Any]:
    """The provenance record of an export of `source` (a KnowledgeGraph, a Store or a remote graph).

    >>> import pyoxigraph as ox
    >>> record = provenance(ox.Store())
    >>> record["tool"], record["reports"], sorted(record)[:3]
    ('govkg', 0, ['exported', 'reports', 'store'])
    """
    from kg import __version__
    path = _store_path(source)
    endpoint = getattr(getattr(source, "_remote", None), "endpoint", None)
    return {"tool": "govkg", "version": __version__,
            "store": str(path.resolve()) if path else (str(endpoint) if endpoint else "(in memory)"),
            "store_modified": _store_modified(path),
            "reports": report_count(source) if reports is None else reports,
            "exported": _utc()}


def provenance_line(record: dict[str, Any]) -> str:
    """One line for a page footer or a file comment.

    >>> provenance_line({"tool": "govkg", "version": "1.0", "store": "/s", "store_modified": None,
    ...                  "reports": 3, "exported": "2026-01-01T00:00:00Z"})
    'govkg 1.0 · store /s · 3 reports · exported 2026-01-01T00:00:00Z'
    """
    parts = [f"{record['tool']} {record['version']}", f"store {record['store']}"]
    if record.get("store_modified"):
        parts.append(f"built {record['store_modified']}")
    parts += [f"{record['reports']} reports", f"exported {record['exported']}"]
    return " · ".join(parts)
