"""The KnowledgeGraph facade: open by path or $GOVKG_STORE, read-only SPARQL, stats, remove."""
import pytest

from kg import KnowledgeGraph
from kg.errors import QueryError, StoreError
from store_texts import write_reports


@pytest.fixture
def kg(tmp_path):
    write_reports(tmp_path / "r")
    with KnowledgeGraph.open(tmp_path / "s") as graph:
        graph.build([tmp_path / "r"])
        yield graph


def test_sparql_rows_are_plain_values(kg):
    rows = kg.sparql("PREFIX gk: <https://w3id.org/govkg/ontology#>\n"
                     "SELECT ?year WHERE { ?r a gk:Report ; gk:year ?year } ORDER BY ?year")
    assert rows == [{"year": 2022}, {"year": 2023}, {"year": 2024}]
    assert kg.sparql("ASK { ?s ?p ?o }") == [{"ask": True}]


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "# a comment\nPREFIX gk: <https://w3id.org/govkg/ontology#>\ndelete where { ?s gk:year ?y }",
    "DROP ALL", "CLEAR DEFAULT", "LOAD <http://example.org/x.ttl>", "create graph <http://g>",
])
def test_updates_are_refused(kg, update):
    before = kg.stats()["triples"]
    with pytest.raises(QueryError, match="only read-only queries"):
        kg.sparql(update)
    assert kg.stats()["triples"] == before


def test_malformed_query_is_a_query_error(kg):
    with pytest.raises(QueryError, match="bad SPARQL"):
        kg.sparql("SELECT ?x WHERE { ?x")


def test_stats_and_remove_by_iri(kg, tmp_path):
    assert kg.stats()["reports"] == 3
    (report,) = [r for r, (source, _) in kg.store.reports().items() if source.endswith("wuhou.txt")]
    assert kg.remove([report, tmp_path / "nothing.txt"]) == ([report], [str(tmp_path / "nothing.txt")])
    assert kg.stats()["reports"] == 2


def test_default_path_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVKG_STORE", str(tmp_path / "env"))
    assert KnowledgeGraph.open().path == tmp_path / "env"
    with pytest.raises(StoreError, match="no govkg store here"):
        KnowledgeGraph.open().stats()
