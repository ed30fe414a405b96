"""The review loop: accept/reject through the API and the CLI, decisions beside the store that survive a
rebuild, a `--prune` and a store rebuilt from nothing, and a researcher's own Turtle/CSV thesaurus."""
from __future__ import annotations

import json
import shutil

import pytest

from _concepts import concept_of, copy_reports
from kg.rdf import iri
from kg.cli import main
from kg.concepts import decision_files
from kg.graph import KnowledgeGraph

EXTRA = ("榆次区2023年法治政府建设情况报告\n2023年，区政府落实“首题必学”制度，推进法治政府建设。\n"
         "一、推行“无事不扰”机制，除投诉举报外不入企检查，入企检查次数同比下降28%。\n")


@pytest.fixture()
def corpus(tmp_path):
    reports = copy_reports(tmp_path / "reports")
    (reports / "r90.txt").write_text(EXTRA, encoding="utf-8")
    return reports, tmp_path / "store"


def _link(kg, a: str, b: str) -> dict:
    return next(r for r in kg.concepts() if {r["from"], r["to"]} == {a, b})


def _build(store, *paths, prune=False):
    with KnowledgeGraph.open(store) as kg:
        return kg.build(list(paths), prune=prune)


def test_accept_merges_reject_splits_and_both_survive_rebuilds_and_prune(corpus):
    reports, store = corpus
    _build(store, reports)
    with KnowledgeGraph.open(store) as kg:
        proposal = max((r for r in kg.concepts("proposed") if "无事不扰" in (r["from"], r["to"])),
                       key=lambda r: r["confidence"])
        assert proposal["rule"] == "context-only"                  # no characters in common: never automatic
        assert concept_of(kg, "无事不扰") != concept_of(kg, "企业安静期")
        assert kg.accept(proposal["id"])["status"] == "accepted"
        assert concept_of(kg, "无事不扰") == iri.programme("企业安静期")
        auto = _link(kg, "法治体检", "法律体检")
        assert auto["status"] == "auto"
        assert kg.reject(auto["id"])["status"] == "rejected"
        assert concept_of(kg, "法治体检") != concept_of(kg, "法律体检")
    csv_path, _ = decision_files(store)
    assert csv_path.read_text(encoding="utf-8").count("\n") == 3      # header + two decisions

    def honoured():
        with KnowledgeGraph.open(store) as kg:
            return (concept_of(kg, "无事不扰") == iri.programme("企业安静期"),
                    concept_of(kg, "法治体检") != concept_of(kg, "法律体检"))

    _build(store, reports)                                            # nothing changed
    assert honoured() == (True, True)
    (reports / "r31.txt").unlink()
    assert _build(store, reports, prune=True).removed                 # a pruned report
    assert honoured() == (True, True)
    shutil.rmtree(store)                                              # the store rebuilt from nothing
    _build(store, reports)
    assert honoured() == (True, True)


def test_a_researchers_own_thesaurus_and_hand_edits_apply_without_a_build(corpus):
    reports, store = corpus
    _build(store, reports)
    csv_path, ttl_path = decision_files(store)
    ttl_path.write_text('@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
                        '<urn:my:quiet> skos:prefLabel "安静生产期" ; skos:altLabel "无事不扰" .\n', encoding="utf-8")
    csv_path.write_text("decision,a,b,link,note\nrelated,村民说事,百姓说事,,different groups\n", encoding="utf-8")
    with KnowledgeGraph.open(store) as kg:
        assert concept_of(kg, "无事不扰") != concept_of(kg, "安静生产期")
        summary = kg.apply_decisions()
        assert summary["warnings"] == []
        assert concept_of(kg, "无事不扰") == concept_of(kg, "企业安静期") == iri.programme("安静生产期")
        assert concept_of(kg, "村民说事") != concept_of(kg, "百姓说事")
        assert [r["from"] for r in kg.concepts("formula")] == ["首题必学"]   # usage evidence kept


def test_a_bad_decision_line_is_named_once_and_the_rest_applies(corpus, capsys):
    reports, store = corpus
    csv_path, _ = decision_files(store)
    csv_path.write_text("decision,a,b\nmerge,法治体检,法律体检\ndifferent,首违免罚,首违不罚\n", encoding="utf-8")
    assert main(["build", str(reports), "--store", str(store), "--quiet"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"govkg: skipped {csv_path}: line 2: expected decision")
    with KnowledgeGraph.open(store) as kg:
        assert concept_of(kg, "首违免罚") != concept_of(kg, "首违不罚")


def test_cli_lists_accepts_and_refuses_unknown_ids(corpus, capsys):
    reports, store = corpus
    _build(store, reports)
    capsys.readouterr()
    assert main(["concepts", "--store", str(store), "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    with KnowledgeGraph.open(store) as kg:
        assert listed == json.loads(json.dumps(kg.concepts()))
    proposed = next(r for r in listed if r["status"] == "proposed")
    assert main(["concepts", "accept", proposed["id"], "--store", str(store), "--format", "csv"]) == 0
    out = capsys.readouterr().out.lstrip("\ufeff").splitlines()        # CSV opens with a BOM for spreadsheets
    assert out[0].startswith("id,status") and out[1].startswith(f"{proposed['id']},accepted,")
    assert main(["concepts", "reject", "Lnothere", "--store", str(store)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == ["govkg: error: no concept link 'Lnothere' in the store; `govkg concepts` lists them"]
    with pytest.raises(SystemExit) as usage:
        main(["concepts", "accept", "--store", str(store)])
    assert usage.value.code == 2 and "accept needs the ID of a link" in capsys.readouterr().err


def test_an_unwritable_decisions_file_is_one_line_and_changes_nothing(corpus, capsys):
    reports, store = corpus
    _build(store, reports)
    csv_path, _ = decision_files(store)
    csv_path.mkdir()                                   # a folder where the file should be: cannot write
    with KnowledgeGraph.open(store) as kg:
        proposed = kg.concepts("proposed")[0]
    capsys.readouterr()
    assert main(["concepts", "accept", proposed["id"], "--store", str(store)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"govkg: error: {csv_path}: cannot write the decision")
    with KnowledgeGraph.open(store) as kg:
        assert kg.concepts("proposed")[0]["id"] == proposed["id"]
