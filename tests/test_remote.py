"""`RemoteStore` against a real Oxigraph server on 127.0.0.1: writing report graphs by the Graph Store
Protocol (twice, to show a rebuild replaces), and the same counts and named-query answers as the
embedded store; credentials only from the environment."""
from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import subprocess
import threading
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, HTTPServer

import pyoxigraph as ox
import pytest

from _mini import mini_store
from _servers import free_port, stop, wait_until_up
from kg.errors import QueryError, StoreError
from kg.sparql.query import run_named
from kg.store.remote import RemoteStore, open_target
from kg.sparql.rows import run_sparql

NAMED = [("reports", {}), ("jurisdictions", {}), ("programs", {"jurisdiction": "阳泉市"}),
         ("adopters", {"program": "高效办成一件事"}), ("outcomes", {}), ("documents", {}),
         ("shared-programs", {"min": "2"}), ("shared-documents", {"min": "1"}), ("metric", {"indicator": "."})]


@contextlib.contextmanager
def oxigraph_server(location):
    """A real `oxigraph serve` on a free loopback port, stopped on exit; yields its query URL."""
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the `oxigraph` server (pip install oxigraph) is not installed")
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", process)
        yield f"http://127.0.0.1:{port}/query"
    finally:
        stop(process)


@pytest.fixture(scope="module")
def oxigraph_url(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


def by_graph(store: ox.Store) -> dict[str, list[ox.Quad]]:
    graphs = defaultdict(list)
    for quad in store:
        graphs[quad.graph_name.value].append(quad)
    return graphs


def write_mini(target) -> None:
    """The mini store's graphs written to `target` as a build would: reports with their markers."""
    graphs = by_graph(mini_store())
    assert len(graphs) >= 4
    reports = mini_store_reports()
    for graph, quads in graphs.items():
        if graph in reports:
            target.replace_report(graph, quads)
        else:
            target.replace_graph(graph, quads)


def mini_written() -> ox.Store:
    """The mini store written into an embedded store the same way (what the server must equal)."""
    from pathlib import Path

    from kg.store.local import Store
    store = Store(ox.Store(), Path("mem"), False)
    write_mini(store)
    return store.inner


@pytest.fixture(scope="module")
def loaded(oxigraph_url):
    """The mini store written to the server twice (a build, then a rebuild)."""
    remote = RemoteStore(oxigraph_url)
    for _ in range(2):
        write_mini(remote)
    return remote


def embedded_counts(store: ox.Store) -> dict[str, int]:
    # the same definition as RemoteStore.counts, run on the embedded store
    class Local(RemoteStore):
        def __init__(self, inner):
            self.inner = inner

        def query(self, sparql, prefixes=None, **_):
            return self.inner.query(sparql, prefixes=prefixes, use_default_graph_as_union=True)
    return Local(store).counts()


def test_rebuild_replaces_and_counts_match(loaded):
    local = mini_written()
    counts = loaded.counts()
    assert counts == embedded_counts(local)
    assert counts["reports"] == 5 and counts["triples"] == len(local)


@pytest.mark.parametrize("name, params", NAMED)
def test_named_queries_answer_the_same(loaded, name, params):
    expected = run_named(mini_store(), name, **params)
    assert canonical(run_named(loaded, name, **params)) == canonical(expected)


def answer(store, name, params):
    """The canonical rows, or the one-line error (a name not in this store answers with candidates)."""
    from kg.errors import ParameterError
    try:
        return canonical(run_named(store, name, **params))
    except ParameterError as exc:
        return str(exc)


def canonical(rows) -> list[str]:
    """Rows as sorted JSON, with GROUP_CONCAT lists sorted (SPARQL leaves both orders open)."""
    def value(v):
        return "、".join(sorted(v.split("、"))) if isinstance(v, str) else v
    return sorted(json.dumps({k: value(v) for k, v in row.items()}, ensure_ascii=False, sort_keys=True)
                  for row in rows)


def test_found_nonempty_named_answers(loaded):
    assert sum(bool(run_named(loaded, n, **p)) for n, p in NAMED) >= 6


def test_construct_ask_and_reports(loaded):
    text = ("PREFIX gk: <https://w3id.org/govkg/ontology#> "
            "CONSTRUCT { ?r gk:year ?y } WHERE { ?r a gk:Report ; gk:year ?y }")
    rows = run_sparql(loaded, text)
    assert len(rows) == 5 and rows.columns == ["subject", "predicate", "object"]
    assert canonical(rows) == canonical(run_sparql(mini_store(), text))
    assert run_sparql(loaded, "ASK { ?s ?p ?o }") == [{"ask": True}]
    assert set(loaded.reports()) == set(mini_store_reports())


def mini_store_reports() -> set[str]:
    rows = mini_store().query("SELECT ?r WHERE { GRAPH ?r { ?r a <https://w3id.org/govkg/ontology#Report> } }")
    return {row["r"].value for row in rows}


def test_remove_report_and_put_it_back(oxigraph_url, loaded):
    report = sorted(mini_store_reports())[0]
    quads = by_graph(mini_store())[report]
    assert loaded.remove_report(report) is True
    assert loaded.counts()["reports"] == 4
    assert loaded.remove_report(report) is False
    loaded.replace_report(report, quads)
    assert loaded.counts()["reports"] == 5


def test_dump_holds_every_quad(loaded):
    copy = ox.Store()
    copy.load(loaded.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    assert len(copy) == len(mini_written())


def test_bad_query_is_a_query_error(loaded):
    with pytest.raises(QueryError, match="bad SPARQL"):
        run_sparql(loaded, "SELECT ?x WHERE { ?x")


def test_cli_sparql_and_query_with_endpoint(loaded, capsys):
    from kg.cli import main
    assert main(["sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?r a <https://w3id.org/govkg/ontology#Report> }",
                 "--endpoint", loaded.endpoint, "--format", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["\ufeffn", "5"]  # a CSV with a BOM
    assert main(["query", "reports", "--endpoint", loaded.endpoint, "--format", "json"]) == 0
    assert '"report"' in capsys.readouterr().out


def test_unreachable_server_is_one_line_error(capsys):
    from kg.cli import main
    port = free_port()
    assert main(["sparql", "ASK {}", "--endpoint", f"http://127.0.0.1:{port}/query"]) == 1
    err = capsys.readouterr().err
    assert "cannot reach" in err and len(err.strip().splitlines()) == 1


# ------------------------------------------------------------------ credentials
class _Recorder(BaseHTTPRequestHandler):
    seen: list = []

    def do_PUT(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        _Recorder.seen.append(self.headers.get("Authorization"))
        self.send_response(401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("env, header", [
    ({"GOVKG_ENDPOINT_TOKEN": "t0ken"}, "Bearer t0ken"),
    ({"GOVKG_ENDPOINT_USER": "ann", "GOVKG_ENDPOINT_PASSWORD": "s3cret"}, "Basic YW5uOnMzY3JldA=="),
    ({}, None),
])
def test_credentials_come_from_the_environment_and_stay_out_of_messages(monkeypatch, env, header):
    for key in ("GOVKG_ENDPOINT_TOKEN", "GOVKG_ENDPOINT_USER", "GOVKG_ENDPOINT_PASSWORD"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    _Recorder.seen = []
    try:
        remote = RemoteStore(f"http://127.0.0.1:{server.server_port}/query")
        with pytest.raises(StoreError) as failed:
            remote.replace_report("http://e/r", [])
    finally:
        thread.join(10)
        server.server_close()
    assert _Recorder.seen == [header] and "401" in str(failed.value)
    assert all(secret not in str(failed.value) + repr(remote) for secret in env.values())


def test_credentials_in_the_url_are_refused():
    with pytest.raises(StoreError, match="GOVKG_ENDPOINT_USER"):
        RemoteStore("http://ann:s3cret@127.0.0.1:7878/query")


def test_graph_store_is_needed_only_for_writes():
    remote = RemoteStore("http://127.0.0.1:7001/")
    with pytest.raises(StoreError, match="--graph-store"):
        remote.replace_report("http://e/r", [])


def test_open_target_chooses_by_endpoint(tmp_path):
    remote = open_target(argparse.Namespace(endpoint="http://127.0.0.1:1/sparql", graph_store=None))
    assert remote.graph_store == "http://127.0.0.1:1/data"
    with pytest.raises(StoreError, match="no store here"):
        open_target(argparse.Namespace(endpoint=None, store=str(tmp_path / "none")))


def test_export_from_endpoint(loaded, tmp_path):
    from kg.cli import main
    out = tmp_path / "all.nq"
    assert main(["export", "nq", "-o", str(out), "--endpoint", loaded.endpoint]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# govkg ")  # the provenance comment
    assert len([line for line in lines if not line.startswith("#")]) == len(mini_written())


def test_build_into_endpoint_twice_matches_embedded(tmp_path, examples_dir, capsys):
    from kg.cli import main
    from kg.store.local import Store
    corpus = sorted(p for p in examples_dir.iterdir() if p.suffix in (".txt", ".html"))
    assert len(corpus) >= 5
    paths = [str(p) for p in corpus]
    assert main(["build", *paths, "--store", str(tmp_path / "embedded"), "--quiet"]) == 0
    with Store.open(tmp_path / "embedded", read_only=True) as local:
        local_counts = local.counts()
        local_rows = {n: answer(local, n, p) for n, p in NAMED}
    with oxigraph_server(tmp_path / "oxigraph") as url:
        for _ in range(2):  # a rebuild replaces the report graphs
            assert main(["build", *paths, "--endpoint", url, "--quiet"]) == 0
        remote = RemoteStore(url)
        assert remote.counts() == local_counts and local_counts["reports"] >= 5
        assert {n: answer(remote, n, p) for n, p in NAMED} == local_rows
        # validate reads the server too (it used to reach for the embedded store's handle)
        capsys.readouterr()
        assert main(["validate", "--endpoint", url]) == main(["validate", "--store", str(tmp_path / "embedded")]) == 0
        remote_text = capsys.readouterr().out.strip().split("\n", 1)[0]
        assert remote_text.startswith("conforms") and "triples checked" in remote_text
        assert main(["query", "reports", "--endpoint", url, "--format", "json"]) == 0
        assert main(["query", "reports", "--store", str(tmp_path / "embedded"), "--format", "json"]) == 0
        out = capsys.readouterr().out.strip()
        first, end = json.JSONDecoder().raw_decode(out)
        second = json.loads(out[end:])
        assert len(first) >= 5 and canonical(first) == canonical(second)
