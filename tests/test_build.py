"""Building stores from files and folders: idempotent, incremental, robust to bad files."""
import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.rdf import iri
from kg.build.pipeline import build, expand
from kg.store.local import Store
from store_texts import REPORTS, seed_dir, write_reports


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "store") as s:
        yield s


def graph_of(store, path):
    return set(store.inner.quads_for_pattern(None, None, None, ox.NamedNode(iri.report(path))))


def test_building_twice_gives_the_same_triples(tmp_path, store):
    write_reports(tmp_path / "reports")
    first = build(store, [tmp_path / "reports"])
    size = len(store.inner)
    second = build(store, [tmp_path / "reports"])
    assert (len(first.built), len(second.built), len(second.unchanged)) == (3, 0, 3)
    assert len(store.inner) == size
    assert first.counts["reports"] == 3 and first.counts["programmes"] >= 1


def test_changing_one_report_replaces_only_its_graph(tmp_path, store):
    deqing, wuhou, _ = write_reports(tmp_path)
    build(store, [tmp_path])
    before = graph_of(store, wuhou)
    deqing.write_text(REPORTS["deqing.txt"] + "全县推行“首违不罚”清单制度。\n", encoding="utf-8")
    summary = build(store, [tmp_path])
    assert summary.built == [str(deqing.resolve())] and len(summary.unchanged) == 2
    assert graph_of(store, wuhou) == before
    digest = hashlib.sha256(deqing.read_bytes()).hexdigest()
    assert store.reports()[iri.report(deqing)] == (str(deqing.resolve()), digest)
    hashes = {q.object.value for q in graph_of(store, deqing) if q.predicate.value.endswith("#contentHash")}
    assert hashes == {digest}


@pytest.mark.parametrize("name, content", [("empty.txt", b""), ("blank.txt", "  \n\u3000\n".encode()),
                                           ("binary.txt", bytes(range(256)) * 8)])
def test_bad_file_is_named_once_and_good_ones_are_stored(tmp_path, store, name, content):
    write_reports(tmp_path)
    (tmp_path / name).write_bytes(content)
    summary = build(store, [tmp_path, tmp_path / name])
    assert [Path(p).name for p, _ in summary.failed] == [name]
    assert summary.failed[0][1] and "\n" not in summary.failed[0][1]
    assert len(summary.built) == 3 and not summary.ok
    assert store.counts()["reports"] == 3


def test_missing_path_fails_but_build_goes_on(tmp_path, store):
    (good,) = write_reports(tmp_path, ("pingyao.txt",))
    summary = build(store, [tmp_path / "nope.txt", good])
    assert summary.failed == [(str(tmp_path / "nope.txt"), "no such file or directory")]
    assert len(summary.built) == 1


def test_expand_skips_hidden_and_unsupported_and_dedupes(tmp_path):
    write_reports(tmp_path / "a")
    (tmp_path / "a" / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "r.txt").write_text("x")
    (tmp_path / "a" / "sheet.xlsx").write_bytes(b"PK")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "alias.txt").symlink_to(tmp_path / "a" / "deqing.txt")
    files, skipped, missing = expand([tmp_path, tmp_path / "a" / "wuhou.txt"])
    assert sorted(f.name for f in files) == ["deqing.txt", "pingyao.txt", "wuhou.txt"]
    assert [(Path(p).name, why) for p, why in skipped] == [("sheet.xlsx", "unsupported file type")]
    assert missing == []


def test_prune_removes_reports_whose_files_are_gone(tmp_path, store):
    paths = write_reports(tmp_path)
    build(store, [tmp_path])
    paths[0].unlink()
    kept = build(store, [tmp_path])
    assert kept.counts["reports"] == 3 and not kept.removed
    pruned = build(store, [tmp_path], prune_missing=True)
    assert pruned.removed == [iri.report(paths[0])] and pruned.counts["reports"] == 2


def test_workers_give_the_same_store_as_one_process(tmp_path):
    write_reports(tmp_path / "r")
    sizes = []
    for workers in (1, 2):
        with Store.open(tmp_path / f"s{workers}") as s:
            summary = build(s, [tmp_path / "r"], workers=workers)
            assert summary.ok
            sizes.append(sorted(str(q) for q in s.inner))
    assert sizes[0] == sizes[1]


def test_progress_is_called_once_per_file(tmp_path, store):
    write_reports(tmp_path)
    calls = []
    build(store, [tmp_path], progress=lambda done, total, path: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_seed_corpus_builds_without_errors(tmp_path, store):
    seeds = seed_dir()
    if seeds is None:
        pytest.skip("shared seed corpus not present")
    summary = build(store, [seeds])
    assert summary.failed == [] and len(summary.built) == len(list(seeds.glob("*.txt"))) >= 5
    assert summary.counts["reports"] == len(summary.built)
