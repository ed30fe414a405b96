"""The on-disk store: opening, atomic per-report graphs, vocabulary graphs, clear errors."""
import subprocess
import sys

import pyoxigraph as ox
import pytest

from kg.errors import QueryError, StoreBusy, StoreError
from kg.store.local import Store
from kg.rdf.vocab import GK, GRAPH_ONTOLOGY, RDF_TYPE, RDFS

A, B = "https://w3id.org/govkg/id/report/a", "https://w3id.org/govkg/id/report/b"


def report_quads(report, source="/x/a.txt", digest="0" * 64, label="a"):
    r, g = ox.NamedNode(report), ox.NamedNode(report)
    return [ox.Quad(r, RDF_TYPE, GK.Report, g), ox.Quad(r, GK.sourceFile, ox.Literal(source), g),
            ox.Quad(r, GK.contentHash, ox.Literal(digest), g), ox.Quad(r, RDFS.label, ox.Literal(label), g)]


def graph_of(store, report):
    return set(store.inner.quads_for_pattern(None, None, None, ox.NamedNode(report)))


def test_open_creates_a_store_with_the_ontology_graph(tmp_path):
    with Store.open(tmp_path / "new" / "store") as store:
        assert store.inner.contains_named_graph(ox.NamedNode(GRAPH_ONTOLOGY))
        assert store.query("ASK { <https://w3id.org/govkg/ontology#Report> a "
                           "<http://www.w3.org/2002/07/owl#Class> }")
        assert store.counts()["reports"] == 0


def test_replace_report_replaces_only_that_graph(tmp_path):
    with Store.open(tmp_path / "s") as store:
        store.replace_report(A, report_quads(A, label="first"))
        store.replace_report(B, report_quads(B, "/x/b.txt"))
        before_b = graph_of(store, B)
        store.replace_report(A, report_quads(A, label="second"))
        assert graph_of(store, B) == before_b
        labels = {q.object.value for q in graph_of(store, A) if q.predicate == RDFS.label}
        assert labels == {"second"}


def test_replacing_twice_does_not_duplicate(tmp_path):
    with Store.open(tmp_path / "s") as store:
        store.replace_report(A, report_quads(A))
        size = len(store.inner)
        store.replace_report(A, report_quads(A))
        assert len(store.inner) == size


def test_quads_outside_the_graph_are_refused_and_nothing_changes(tmp_path):
    with Store.open(tmp_path / "s") as store:
        store.replace_report(A, report_quads(A))
        before = graph_of(store, A)
        with pytest.raises(ValueError):
            store.replace_report(A, report_quads(A) + report_quads(B))
        assert graph_of(store, A) == before


def test_reports_and_remove(tmp_path):
    with Store.open(tmp_path / "s") as store:
        store.replace_report(A, report_quads(A, "/x/a.txt", "1" * 64))
        store.replace_report(B, report_quads(B, "/x/b.txt", "2" * 64))
        assert store.reports() == {A: ("/x/a.txt", "1" * 64), B: ("/x/b.txt", "2" * 64)}
        assert store.remove_report(A) is True
        assert store.remove_report(A) is False
        assert set(store.reports()) == {B}
        assert store.counts()["reports"] == 1


def test_data_survives_reopening_and_read_only_cannot_write(tmp_path):
    with Store.open(tmp_path / "s") as store:
        store.replace_report(A, report_quads(A))
    with Store.open(tmp_path / "s", read_only=True) as store:
        assert set(store.reports()) == {A}
        with pytest.raises(StoreError, match="read-only"):
            store.replace_report(B, report_quads(B))


def test_union_query_and_bad_query(tmp_path):
    with Store.open(tmp_path / "s") as store:
        store.replace_report(A, report_quads(A))
        rows = list(store.query("SELECT ?r WHERE { ?r a <https://w3id.org/govkg/ontology#Report> }"))
        assert [row["r"].value for row in rows] == [A]
        with pytest.raises(QueryError, match="bad SPARQL"):
            store.query("SELEC ?x")


def test_not_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(StoreError, match="not a govkg store"):
        Store.open(tmp_path)
    with pytest.raises(StoreError, match="is a file"):
        Store.open(tmp_path / "notes.txt")
    with pytest.raises(StoreError, match="no govkg store here"):
        Store.open(tmp_path / "missing", read_only=True)
    assert not (tmp_path / "missing").exists()


def test_busy_in_this_process(tmp_path):
    with Store.open(tmp_path / "s"):
        with pytest.raises(StoreBusy, match="store is busy"):
            Store.open(tmp_path / "s")


def test_busy_when_another_process_writes(tmp_path):
    Store.open(tmp_path / "s").close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); "
                               "print('open', flush=True); sys.stdin.read()", str(tmp_path / "s")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreBusy, match=f"another govkg process is writing to {tmp_path / 's'}"):
            Store.open(tmp_path / "s")
        with Store.open(tmp_path / "s", read_only=True) as reader:   # reading still works
            assert reader.counts()["reports"] == 0
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
