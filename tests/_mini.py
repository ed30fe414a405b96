"""The hand-written four-report store (tests/data/mini.trig) used by the query tests."""
from pathlib import Path

import pyoxigraph

MINI = Path(__file__).resolve().parent / "data" / "mini.trig"


def mini_store(path: str | None = None) -> pyoxigraph.Store:
    """A store (in memory, or on disk at ``path``) holding mini.trig."""
    store = pyoxigraph.Store(path) if path else pyoxigraph.Store()
    store.load(path=str(MINI), format=pyoxigraph.RdfFormat.TRIG)
    store.flush() if path else None
    return store
