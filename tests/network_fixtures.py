"""Fixtures for the network/export tests (imported by them, not a conftest, to keep merges easy):
the hand-written TriG fixture in a fresh store."""
from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def network_trig() -> Path:
    return DATA / "network.trig"


@pytest.fixture()
def fixture_store(network_trig):
    """A pyoxigraph Store holding the four fixture reports, one named graph each."""
    import pyoxigraph as ox
    store = ox.Store()
    store.load(path=str(network_trig), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def fixture_graph(network_trig):
    """The fixture as a networkx MultiDiGraph (built once per module)."""
    import pyoxigraph as ox
    from kg.network.graph import build_graph
    store = ox.Store()
    store.load(path=str(network_trig), format=ox.RdfFormat.TRIG)
    return build_graph(store)
