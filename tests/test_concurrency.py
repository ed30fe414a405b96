"""Queries while a build writes: the CLI, the Python API and the HTTP endpoint either read a
consistent store (every report graph whole) or say in one line that the store is busy.

Readers open the RocksDB store read-only, which pyoxigraph allows beside one writer; a second writer
gets a lock error, which govkg turns into `StoreBusy`.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from _servers import free_port, stop, wait_until_up
from test_crash_safety import by_graph, start_build, write_corpus

from kg import KnowledgeGraph
from kg.errors import StoreBusy, StoreError

REPO = Path(__file__).resolve().parents[1]
N_REPORTS = 120
# quads per report graph: a reader must see each report graph with exactly the clean build's count
PER_GRAPH = ("SELECT (STR(?g) AS ?graph) (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g a <https://w3id.org/govkg/ontology#Report> . "
             "?s ?p ?o } } GROUP BY ?g")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The corpus folder and, per report graph, its quad count in a clean build."""
    base = tmp_path_factory.mktemp("concurrent")
    write_corpus(base / "corpus", N_REPORTS, seed=11)
    assert start_build(base / "corpus", base / "clean", 1).wait(timeout=300) == 0
    clean = {g: len(quads) for g, quads in by_graph(base / "clean").items() if "/report/" in g}
    assert len(clean) == N_REPORTS
    return base, clean


def check_rows(rows: list[dict], clean: dict[str, int]) -> int:
    """Each report graph seen is whole; how many there were."""
    for row in rows:
        assert int(row["n"]) == clean[row["graph"]], f"torn read of {row['graph']}: {row['n']} quads"
    return len(rows)


def is_busy_line(text: str) -> bool:
    return text.count("\n") == 1 and "store is busy" in text and "Traceback" not in text


def wait_for_store(store: Path, process: subprocess.Popen) -> None:
    while not (store / "CURRENT").exists() and process.poll() is None:
        time.sleep(0.01)


def test_api_reads_during_a_build_are_whole_or_busy(corpus, tmp_path):
    base, clean = corpus
    store = tmp_path / "s"
    build = start_build(base / "corpus", store, 1)
    seen, busy = [], 0
    long_lived = None
    while build.poll() is None:
        try:
            with KnowledgeGraph.open(store) as graph:  # a fresh reader each time, as a script would
                seen.append(check_rows(graph.sparql(PER_GRAPH), clean))
            if long_lived is None and seen[-1] > 0:
                long_lived = KnowledgeGraph.open(store)
                first = check_rows(long_lived.sparql(PER_GRAPH), clean)
            if long_lived is not None:  # keeps seeing its snapshot, whole
                assert check_rows(long_lived.sparql(PER_GRAPH), clean) == first
        except StoreBusy as exc:
            assert "store is busy" in str(exc)
            busy += 1
        except StoreError as exc:  # before the build has created the store
            assert "no govkg store here" in str(exc) or "not a govkg store" in str(exc), exc
    assert build.returncode == 0, build.stderr.read()
    assert any(0 < n < N_REPORTS for n in seen), (seen[:5], seen[-5:], busy)
    with KnowledgeGraph.open(store) as graph:
        assert check_rows(graph.sparql(PER_GRAPH), clean) == N_REPORTS
    if long_lived is not None:
        long_lived.close()


def govkg(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "kg", *args], env=env, capture_output=True, text=True,
                          timeout=120)


def test_cli_queries_during_a_build_are_whole_or_busy(corpus, tmp_path):
    base, clean = corpus
    store = tmp_path / "s"
    build = start_build(base / "corpus", store, 1)
    wait_for_store(store, build)
    outcomes = Counter()
    while build.poll() is None:
        result = govkg("sparql", PER_GRAPH, "--store", str(store), "--format", "json")
        assert "Traceback" not in result.stderr, result.stderr
        if result.returncode == 0:
            check_rows(json.loads(result.stdout), clean)
            outcomes["whole"] += 1
        else:
            assert result.returncode == 1 and is_busy_line(result.stderr), result.stderr
            outcomes["busy"] += 1
        second = govkg("build", str(base / "corpus"), "--store", str(store), "--quiet")
        assert second.returncode == 0 or is_busy_line(second.stderr), second.stderr
        outcomes[f"second writer {second.returncode}"] += 1
    assert build.wait() == 0, outcomes
    assert outcomes["whole"] + outcomes["busy"] > 0
    result = govkg("query", "reports", "--store", str(store), "--format", "json")
    assert result.returncode == 0 and len(json.loads(result.stdout)) == N_REPORTS


def http_get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_endpoint_during_a_build_answers_whole_graphs_or_503(corpus, tmp_path):
    base, clean = corpus
    store = tmp_path / "s"
    # the endpoint starts on a store that exists, then a build adds the corpus while it serves
    ox.Store(str(store)).flush()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--port", str(port), "--store", str(store),
                               "--quiet"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", server)
        url = f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode({"query": PER_GRAPH})
        build = start_build(base / "corpus", store, 1)
        statuses = Counter()
        while build.poll() is None:
            status, body = http_get(url)
            statuses[status] += 1
            if status == 200:
                rows = [{"graph": b["graph"]["value"], "n": b["n"]["value"]}
                        for b in json.loads(body)["results"]["bindings"]]
                check_rows(rows, clean)
            else:
                assert status == 503 and body.count("\n") == 1, (status, body)
        assert build.wait() == 0
        status, body = http_get(url)
        assert status == 200 and len(json.loads(body)["results"]["bindings"]) == N_REPORTS
        assert server.poll() is None and statuses[200] > 0, statuses
    finally:
        stop(server)
