"""A build killed with SIGKILL at a random moment leaves a store that opens, in which each report
marked complete (graph/builds) has exactly the graph a clean build gives, and graphs left without a
marker (a batch cut short) are dropped and built again by the next build, which completes the store.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.rdf import iri
from kg.store.local import Store
from kg.rdf.vocab import GRAPH_BUILDS, SHARED_GRAPHS

REPO = Path(__file__).resolve().parents[1]
N_REPORTS = 120
PLACES = ["海淀区", "南山区", "余杭区", "武侯区", "江都区", "顺德区", "柯桥区", "平遥县", "德清县",
          "鼓楼区", "昆山市", "义乌市"]
PROGRAMMES = ["企业安静期", "接诉即办", "最多跑一次", "一网通办", "首违不罚", "枫桥经验", "证照分离"]

pytestmark = pytest.mark.slow
BUILDS = GRAPH_BUILDS
SHARED = set(SHARED_GRAPHS)


def write_corpus(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """`n` small generated reports (places and programmes vary, figures random)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    paths = []
    for i in range(n):
        place, year = PLACES[i % len(PLACES)], 2019 + i % 6
        first, second = rng.sample(PROGRAMMES, 2)
        text = (f"{place}{year}年法治政府建设情况报告\n"
                f"{place}推行“{first}”制度，涉企检查下降{rng.randint(5, 60)}%。\n"
                f"深化“{second}”改革，办理案件{rng.randint(10, 900)}件。\n"
                f"制定《{place}行政执法监督办法（第{i}号）》。\n")
        path = folder / f"r{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def start_build(corpus: Path, store: Path, workers: int, batch: int | None = 6) -> subprocess.Popen:
    """`govkg build` in its own process group; `batch` reports per write batch (many, to cut short)."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    if batch:
        env["GOVKG_BATCH_REPORTS"] = str(batch)
    return subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store),
                             "--quiet", "--workers", str(workers)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def by_graph(store_path: Path) -> dict[str, set[str]]:
    """graph IRI → its quads as N-Quads lines; opening read-only, as a query would."""
    with Store.open(store_path, read_only=True) as store:
        graphs: dict[str, set[str]] = defaultdict(set)
        for quad in store.inner:
            graphs[quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""].add(str(quad))
    return dict(graphs)


def content_hashes(graphs: dict[str, set[str]]) -> set[str]:
    """The gk:contentHash values in a by_graph() dump: one per report as built."""
    return {line.split('"')[1] for quads in graphs.values() for line in quads if '#contentHash> "' in line}


def graphs_written(store: Path, hashes: set[str]) -> int:
    """How many report graphs with one of these content hashes the store holds (opened read-only while
    the build runs, as a query would)."""
    try:
        reader = ox.Store.read_only(str(store))
        rows = reader.query("SELECT ?h WHERE { GRAPH ?g { ?g gk:contentHash ?h } }",
                            prefixes={"gk": "https://w3id.org/govkg/ontology#"})
        return sum(row["h"].value in hashes for row in rows)
    except (OSError, RuntimeError):  # not created yet, or being created
        return 0


def kill_after(process: subprocess.Popen, store: Path, hashes: set[str], at_least: int,
               jitter: float) -> None:
    """SIGKILL the build (and its workers) once `at_least` report graphs are written, plus `jitter` s."""
    while process.poll() is None and graphs_written(store, hashes) < at_least:
        time.sleep(0.05)
    time.sleep(jitter)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The corpus, a clean build of it (graph → quads) and how long that build took."""
    base = tmp_path_factory.mktemp("crash")
    paths = write_corpus(base / "corpus", N_REPORTS)
    started = time.monotonic()
    process = start_build(base / "corpus", base / "clean", 1)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return base, paths, by_graph(base / "clean"), time.monotonic() - started


def test_clean_build_has_every_report(corpus):
    _, paths, clean, _ = corpus
    assert all(iri.report(p) in clean for p in paths)
    assert all(f"<{iri.report(p)}>" in "".join(clean[iri.report(p)]) for p in paths[:3])


def marked(graphs: dict[str, set[str]]) -> dict[str, str]:
    """report IRI → content hash of its completion marker, in a by_graph() dump."""
    return {line.split(">")[0][1:]: line.split('"')[1] for line in graphs.get(BUILDS, ())}


def check_marked_whole(store: Path, paths: list[Path], clean: dict[str, set[str]]) -> int:
    """Assert every marked report graph equals the clean build's; how many are marked."""
    found = by_graph(store)
    reports = {iri.report(p) for p in paths}
    assert set(found) - {""} <= set(clean), "a graph the clean build does not have"
    done = set(marked(found)) & reports
    for graph in done:
        assert found[graph] == clean[graph], f"report graph {graph} is marked but partly written"
    return len(done)


def test_killed_builds_leave_whole_reports_and_a_rerun_completes(corpus):
    base, paths, clean, duration = corpus
    rng = random.Random(20240611)
    present_counts = []
    for run in range(4):
        store = base / f"killed-{run}"
        workers = 1 + run % 2
        process = start_build(base / "corpus", store, workers)
        if run == 0:  # anywhere from start-up (store being created) on
            time.sleep(rng.uniform(0.1, 0.8) * duration)
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate(timeout=60)
        else:  # in the middle of writing reports
            kill_after(process, store, content_hashes(clean), rng.randrange(1, len(paths) - 20), rng.uniform(0, 0.1))
        if (store / "CURRENT").exists():
            present_counts.append(check_marked_whole(store, paths, clean))
        rerun = start_build(base / "corpus", store, workers)
        _, err = rerun.communicate(timeout=300)
        assert rerun.returncode == 0 and b"Traceback" not in err, err.decode()
        assert by_graph(store) == clean
    # the delays must really have cut some builds short, or this test proves nothing
    assert any(0 < n < len(paths) for n in present_counts), present_counts


def test_killing_a_rebuild_keeps_each_report_old_or_new(corpus, tmp_path):
    """Kill a build that is replacing reports: each marked report is the old one or the new one,
    never a mix (a replaced report's old graph goes first, so an unmarked one may be missing)."""
    _, paths, _, duration = corpus
    corpus_dir = tmp_path / "corpus"
    old_paths = write_corpus(corpus_dir, 80, seed=1)
    store = tmp_path / "s"
    assert start_build(corpus_dir, store, 1).wait(timeout=300) == 0
    old = by_graph(store)
    new_paths = write_corpus(tmp_path / "new", 80, seed=2)
    for old_path, new_path in zip(old_paths, new_paths):
        old_path.write_bytes(new_path.read_bytes())
    fresh = tmp_path / "fresh"
    assert start_build(corpus_dir, fresh, 1).wait(timeout=300) == 0
    new = by_graph(fresh)
    process = start_build(corpus_dir, store, 1)
    kill_after(process, store, content_hashes(new), random.Random(5).randrange(1, 60), 0.0)
    mixed = by_graph(store)
    done = marked(mixed)
    assert any(mixed.get(iri.report(p)) == new[iri.report(p)] != old[iri.report(p)] for p in old_paths)
    states = [mixed.get(r) == old[r] if done[r] == marked(old)[r] else mixed.get(r) == new[r]
              for r in map(iri.report, old_paths) if r in done]
    assert states and all(states)
    assert start_build(corpus_dir, store, 1).wait(timeout=300) == 0
    final = by_graph(store)
    # report graphs and markers as a fresh build; shared descriptions stay (first writer wins)
    assert {g: q for g, q in final.items() if g not in SHARED} == {g: q for g, q in new.items() if g not in SHARED}
    assert final[BUILDS] == new[BUILDS]
    assert all(new[g] <= final[g] for g in SHARED - {BUILDS} if g in new)
