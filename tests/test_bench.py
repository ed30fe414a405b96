"""The benchmark harness: the generator writes realistic, messy, deterministic reports; the runner's table
has every row. Nothing here asserts anything about time."""
from __future__ import annotations

import re

import pytest

from bench.__main__ import main
from bench.compose import compose, jurisdictions
from bench.generate import generate
from loaders.gazetteer import Gazetteer
from loaders.read import read

EXPECTED_ROWS = [
    "read + decode files (I/O floor)", "bare jieba.cut pass (segmentation alone)",
    "loaders only: load_report, in process", "build, 1 worker", "build, 2 workers",
    "build peak RSS (1 worker)", "query adopters p50 / p95", "query programs p50 / p95",
    "query outcomes p50 / p95", "query documents p50 / p95", "query jurisdictions p50 / p95",
    "query shared-programs p50 / p95", "query shared-documents p50 / p95", "query reports p50 / p95",
    "query metric p50 / p95", "query evidence p50 / p95", "query timeline p50 / p95",
    "CLI cold start: query adopters", "export csv, adoption panel",
    "export html, focus view", "export graphml, full graph", "store size on disk per report (logs included)",
    "build CPU (1 worker) vs loaders only", "quads per report", "one fact costs",
    "concept pass after build", "concept pass time per report",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    return generate(out, 60, seed=11)


def test_quick_run_prints_every_row(capsys):
    assert main(["--quick"]) == 0
    table = capsys.readouterr().out
    metrics = [line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| ")]
    for expected in EXPECTED_ROWS:
        assert any(m.startswith(expected) for m in metrics), expected
    assert metrics.count("build peak RSS (1 worker)") == 2          # one per quick size


def test_generation_is_deterministic(tmp_path):
    a = generate(tmp_path / "a", 5, seed=3)
    b = generate(tmp_path / "b", 5, seed=3)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert compose(3, 4) != compose(4, 4)


def test_smaller_corpus_is_a_prefix_of_a_larger_one():
    assert [compose(9, i) for i in range(3)] == [compose(9, i) for i in range(3)]


def test_reports_are_3000_to_10000_characters(corpus):
    lengths = [len(read(p).text) for p in corpus]
    assert min(lengths) >= 2800 and max(lengths) <= 10000


def test_jurisdictions_come_from_the_whole_gazetteer(corpus):
    places = {compose(11, i).place for i in range(60)}
    provinces = {p.adcode[:2] for p in places}
    assert len(provinces) >= 15
    assert all(Gazetteer.default().by_code(p.adcode) is not None for p in places)
    assert len(jurisdictions()) > 3000


@pytest.mark.parametrize("phenomenon", ["html", "gb18030", "crlf", "fullwidth", "nested", "lost-percent"])
def test_corpus_has_the_messiness_of_real_reports(corpus, phenomenon):
    raw = [p.read_bytes() for p in corpus]
    found = {
        "html": any(p.suffix == ".html" and b"<nav" in b for p, b in zip(corpus, raw)),
        "gb18030": any(read(p).encoding == "gb18030" for p in corpus),
        "crlf": any(b"\r\n" in b for b in raw),
        "fullwidth": any(re.search("[０-９]", read(p).text) for p in corpus),
        "nested": any(re.search("《[^》]*〈[^〉]+〉[^》]*》", read(p).text) for p in corpus),
        "lost-percent": any(re.search(r"(?:上升|下降|增长)\d+\.\d(?![\d%])", read(p).text) for p in corpus),
    }
    assert found[phenomenon]


def test_html_chrome_is_not_report_text(corpus):
    pages = [p for p in corpus if p.suffix == ".html"]
    assert pages
    for page in pages:
        text = read(page).text
        assert "版权所有" not in text and "相关链接" not in text


def test_bad_sizes_are_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--sizes", "ten"])
    assert exc.value.code == 2
    assert "--sizes" in capsys.readouterr().err


def test_a_replicated_store_has_k_copies_of_each_report(tmp_path):
    import pyoxigraph as ox

    from bench.concepts import replicate
    from kg.graph import KnowledgeGraph
    generate(tmp_path / "c", 3, seed=2)
    with KnowledgeGraph.open(tmp_path / "s") as kg:
        kg.build([tmp_path / "c"])
    replica = replicate(tmp_path / "s", 3, tmp_path / "r")
    store = ox.Store.read_only(str(replica))
    reports = [r for r in store.query("SELECT ?r WHERE { GRAPH ?r { ?r a <https://w3id.org/govkg/ontology#Report> } }")]
    assert len(reports) == 9
    evidence = store.query("SELECT (COUNT(DISTINCT ?e) AS ?n) (COUNT(?e) AS ?m) WHERE { GRAPH ?g { ?e <https://w3id.org/govkg/ontology#sentence> ?s } }")
    n, m = next(iter(evidence))
    assert int(n.value) == int(m.value) > 0                  # every fact node renamed per copy: none shared


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    """A store of 4 generated reports, built once for the tests that measure an existing store."""
    from kg.graph import KnowledgeGraph
    root = tmp_path_factory.mktemp("given")
    generate(root / "corpus", 4, seed=0)
    with KnowledgeGraph.open(root / "store") as kg:
        kg.build([root / "corpus"])
    return root / "store"


def _snapshot(folder):
    return sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir())


def test_a_given_store_is_measured_as_it_is(small_store, tmp_path, capsys):
    before = _snapshot(small_store)
    args = ["--store", f"4={small_store}", "--workdir", str(tmp_path), "--repeat", "2", "--budget", "1",
            "--only", "queries,store-size,cold-start"]
    assert main(args) == 0
    table = capsys.readouterr().out
    metrics = [line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| ")]
    assert "query adopters p50 / p95" in metrics
    assert any(m.startswith("CLI cold start: query adopters") for m in metrics)
    assert not any(m.startswith("build") for m in metrics)
    assert _snapshot(small_store) == before                       # read-only: nothing written
    assert not list(tmp_path.iterdir())                           # nothing generated or built


def test_the_larger_size_is_compared_with_the_smaller(small_store, tmp_path):
    from bench.__main__ import run
    rows = run([4, 5], tmp_path, stores={4: small_store, 5: small_store}, only=["queries"], repeat=2, budget=1)
    at5 = [r for r in rows if r.reports == 5 and r.metric == "query reports p50 / p95"]
    assert at5 and "the time at 4" in at5[0].ratio


def test_the_rdflib_reference_runs_the_three_heaviest(small_store, tmp_path):
    from bench.measure import existing
    from bench.queries import rdflib_reference
    rows = rdflib_reference(existing(tmp_path, 4, 0, small_store), timeout=120)
    assert rows[0].metric.startswith("rdflib: load")
    assert len([r for r in rows if r.metric.startswith("rdflib: query")]) == 3
    assert all(r.ratio.endswith("× faster") for r in rows[1:])
    assert not any(" search " in r.metric for r in rows)      # LATERAL: rdflib cannot parse it


def test_only_queries_rdflib_parses_are_compared():
    from bench.queries import _rdflib_parses
    assert _rdflib_parses("SELECT ?s WHERE { ?s ?p ?o }")
    assert not _rdflib_parses("SELECT ?s WHERE { ?s ?p ?o LATERAL { SELECT ?r WHERE { ?s ?q ?r } LIMIT 1 } }")


def test_a_finished_build_is_reused(tmp_path):
    from bench.__main__ import run
    run([3], tmp_path, only=["store-size"])
    store = tmp_path / "store-s0-n3-w1"
    stamp = _snapshot(store)
    assert (tmp_path / "store-s0-n3-w1.json").exists()
    run([3], tmp_path, only=["store-size"])
    assert _snapshot(store) == stamp


@pytest.mark.parametrize("given, message", [("4", "REPORTS=DIR"), ("x=/tmp", "REPORTS=DIR"),
                                            ("4=/nonexistent", "not a store folder")])
def test_a_bad_store_option_is_a_usage_error(given, message, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--store", given])
    assert exc.value.code == 2
    assert message in capsys.readouterr().err
