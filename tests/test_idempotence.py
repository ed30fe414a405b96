"""Building is repeatable: the same corpus gives the same quads (sorted N-Quads dumps, via the real
`govkg build` / `govkg export nq`), a changed report replaces only its own graph (and its marker;
shared descriptions only grow), `remove` drops one report's claims, and `build --prune` leaves what a
clean build of the remaining files gives.
"""
from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.rdf.vocab import GRAPH_BUILDS, SHARED_GRAPHS

REPORTS = {
    "haidian.txt": "海淀区2023年法治政府建设情况报告\n海淀区推行“接诉即办”改革，群众满意率达到95%。\n"
                   "制定《海淀区行政执法公示办法》。\n",
    "nanshan.txt": "南山区2024年法治政府建设情况报告\n南山区推行“企业安静期”制度，涉企检查下降18%。\n",
    "yuhang.txt": "余杭区2022年法治政府建设情况报告\n余杭区深化“最多跑一次”改革，"
                  "办理时限压缩40%。\n落实《法治政府建设实施纲要（2021－2025年）》。\n",
    "wuhou.txt": "武侯区2023年法治政府建设工作报告\n武侯区推行“首违不罚”清单制度，"
                 "首违不罚案件320件。\n",
}
CHANGED = "南山区2024年法治政府建设情况报告\n南山区推行“一网通办”，网办率提升至92%。\n"


def write(folder: Path, names=None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names or REPORTS:
        (folder / name).write_text(REPORTS[name], encoding="utf-8")
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def graphs(capsys, store: Path, tmp_path: Path) -> dict[str, list[str]]:
    """graph name → its quads as sorted N-Quads lines, from `govkg export nq`."""
    out = tmp_path / f"{store.name}-{len(list(tmp_path.glob('*.nq')))}.nq"
    status, _, err = run(capsys, "export", "nq", "-o", str(out), "--store", str(store))
    assert status == 0, err
    by_graph: dict[str, list[str]] = defaultdict(list)
    for quad in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS):
        assert not isinstance(quad.subject, ox.BlankNode) and not isinstance(quad.object, ox.BlankNode)
        by_graph[str(quad.graph_name)].append(str(quad))
    return {g: sorted(lines) for g, lines in by_graph.items()}


SHARED = {f"<{g}>" for g in SHARED_GRAPHS}
BUILDS = f"<{GRAPH_BUILDS}>"
CONCEPTS = "<https://w3id.org/govkg/graph/concepts>"
SUMMARY = "<https://w3id.org/govkg/graph/summary>"  # derived totals, recomputed from the reports (kg.summary)


def report_graph(path: Path) -> str:
    from kg.rdf import iri
    return f"<{iri.report(path)}>"


def test_building_the_same_corpus_into_two_stores_gives_the_same_quads(tmp_path, capsys):
    corpus = write(tmp_path / "corpus")
    assert run(capsys, "build", str(corpus), "--store", str(tmp_path / "a"))[0] == 0
    assert run(capsys, "build", str(corpus), "--store", str(tmp_path / "b"), "--workers", "2")[0] == 0
    a, b = graphs(capsys, tmp_path / "a", tmp_path), graphs(capsys, tmp_path / "b", tmp_path)
    assert sum(len(lines) for lines in a.values()) > 50
    assert a == b


def test_building_twice_changes_nothing(tmp_path, capsys):
    corpus = write(tmp_path / "corpus")
    store = tmp_path / "s"
    run(capsys, "build", str(corpus), "--store", str(store))
    first = graphs(capsys, store, tmp_path)
    status, out, _ = run(capsys, "build", str(corpus), "--store", str(store))
    assert status == 0 and out.startswith(f"built 0 reports ({len(REPORTS)} unchanged)")
    assert graphs(capsys, store, tmp_path) == first


def test_changing_one_report_replaces_only_its_graph(tmp_path, capsys):
    corpus = write(tmp_path / "corpus")
    store = tmp_path / "s"
    run(capsys, "build", str(corpus), "--store", str(store))
    before = graphs(capsys, store, tmp_path)
    (corpus / "nanshan.txt").write_text(CHANGED, encoding="utf-8")
    status, out, _ = run(capsys, "build", str(corpus), "--store", str(store))
    assert status == 0 and out.startswith(f"built 1 report ({len(REPORTS) - 1} unchanged)")
    after = graphs(capsys, store, tmp_path)
    changed = report_graph(corpus / "nanshan.txt")
    assert set(after) == set(before)
    # of the report graphs only its own changed; its marker changed; shared descriptions only grew
    assert {g for g in before if before[g] != after[g] and g not in SHARED} == {changed}
    assert set(after[BUILDS]) ^ set(before[BUILDS]) and len(after[BUILDS]) == len(before[BUILDS])
    assert all(set(before[g]) <= set(after[g]) for g in SHARED - {BUILDS, CONCEPTS, SUMMARY} if g in before)
    # graph/concepts is rewritten from the whole store by every build (kg/concepts): it may change
    old = "\n".join(after[changed])
    assert "企业安静期" not in old and "一网通办" in old
    # and after --prune the store is what a clean build of the new files gives
    run(capsys, "build", str(corpus), "--store", str(store), "--prune")
    run(capsys, "build", str(corpus), "--store", str(tmp_path / "clean"))
    assert graphs(capsys, tmp_path / "clean", tmp_path) == graphs(capsys, store, tmp_path)


def test_remove_drops_one_report_and_nothing_else(tmp_path, capsys):
    corpus = write(tmp_path / "corpus")
    store = tmp_path / "s"
    run(capsys, "build", str(corpus), "--store", str(store))
    before = graphs(capsys, store, tmp_path)
    status, out, err = run(capsys, "remove", str(corpus / "wuhou.txt"), "--store", str(store))
    assert (status, out.strip(), err) == (0, "removed 1 report", "")
    after = graphs(capsys, store, tmp_path)
    gone = report_graph(corpus / "wuhou.txt")
    assert set(before) - set(after) == {gone}
    assert all(after[g] == before[g] for g in after if g not in (BUILDS, SUMMARY))   # shared descriptions stay
    assert [line for line in before[BUILDS] if line not in after[BUILDS]] == [
        line for line in before[BUILDS] if line.startswith(gone)]
    status, _, err = run(capsys, "remove", str(corpus / "wuhou.txt"), "--store", str(store))
    assert status == 1 and err.count("\n") == 1 and "wuhou.txt" in err


@pytest.mark.parametrize("how", ["delete", "rename"])
def test_build_prune_equals_a_clean_build_of_what_is_left(tmp_path, capsys, how):
    corpus = write(tmp_path / "corpus")
    store = tmp_path / "s"
    run(capsys, "build", str(corpus), "--store", str(store))
    if how == "delete":
        (corpus / "yuhang.txt").unlink()
    else:
        shutil.move(corpus / "yuhang.txt", corpus / "yuhang-2022.txt")
    status, out, _ = run(capsys, "build", str(corpus), "--store", str(store), "--prune")
    assert status == 0 and "removed 1 report" in out
    run(capsys, "build", str(corpus), "--store", str(tmp_path / "clean"))
    assert graphs(capsys, store, tmp_path) == graphs(capsys, tmp_path / "clean", tmp_path)


def test_build_without_prune_keeps_reports_whose_files_are_gone(tmp_path, capsys):
    corpus = write(tmp_path / "corpus")
    store = tmp_path / "s"
    run(capsys, "build", str(corpus), "--store", str(store))
    before = graphs(capsys, store, tmp_path)
    (corpus / "yuhang.txt").unlink()
    assert run(capsys, "build", str(corpus), "--store", str(store))[0] == 0
    assert graphs(capsys, store, tmp_path) == before
