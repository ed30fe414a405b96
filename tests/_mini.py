"""The hand-written four-report store (tests/data/mini.trig) used by the query tests."""
from pathlib import Path

import pyoxigraph

from kg.summary import refresh as refresh_summary

MINI = Path(__file__).resolve().parent / "data" / "mini.trig"


def mini_store(path: str | None = None) -> pyoxigraph.Store:
    """A store (in memory, or on disk at ``path``) holding mini.trig and its graph/summary."""
    store = pyoxigraph.Store(path) if path else pyoxigraph.Store()
    store.load(path=str(MINI), format=pyoxigraph.RdfFormat.TRIG)
    refresh_summary(store)         # what every build ends with: graph/summary over the loaded reports
    store.flush() if path else None
    return store
