"""Doctest namespace for `kg`: ``graph`` is the query API over tests/data/mini.trig (five reports)."""
from pathlib import Path

import pytest

MINI = Path(__file__).resolve().parents[1] / "tests" / "data" / "mini.trig"


@pytest.fixture(autouse=True)
def _doctest_graph(doctest_namespace):
    if "graph" not in doctest_namespace and MINI.exists():
        import pyoxigraph

        from kg.api import QueryGraph
        from kg.summary import refresh
        store = pyoxigraph.Store()
        store.load(path=str(MINI), format=pyoxigraph.RdfFormat.TRIG)
        refresh(store)             # what every build ends with: graph/summary over the loaded reports
        doctest_namespace["graph"] = QueryGraph(store)
