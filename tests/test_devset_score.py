"""devset/score.py scores `govkg extract` per cause on whatever annotated texts are present.

One text of our own writing and its annotation, in a temporary folder: the scorer must run the real
extractor on it and report each cause (jurisdiction with parents, year, kind, published, title,
programmes, documents, outcomes) from the extraction, and skip annotations whose text is absent.
"""
from __future__ import annotations

import json
import shlex
import subprocess
import sys

import pytest

TEXT = ("芙蓉区人民政府定王台街道办事处关于2022年度法治政府建设情况的报告\n发布日期：2023-02-20\n"
        "2022年，在区委、区政府的坚强领导下，定王台街道坚持依法行政。现将有关情况报告如下：\n"
        "一、主要举措和成效\n街道推行“企业安静期”制度，入企检查同比下降30%。认真落实《重大行政决策程序暂行条例》。")
ITEM = {"file": "own.txt", "query": "-", "address": "-", "kind": "government-report",
        "title": "芙蓉区人民政府定王台街道办事处关于2022年度法治政府建设情况的报告",
        "jurisdiction": {"name": "定王台街道", "level": "township", "parents": ["湖南省", "长沙市", "芙蓉区"],
                         "aliases": [], "from_text": True, "parent_alt": []},
        "year": 2022, "published": "2023-02-20",
        "programs_must": [{"name": "企业安静期", "aliases": [], "type": "institution", "jurisdictions": []}],
        "programs_must_not": ["二号章"],
        "documents_must": [{"title": "重大行政决策程序暂行条例", "type": "条例", "issuer": None, "status": None,
                            "issuer_from_context": False, "aliases": []}],
        "documents_must_not": [],
        "outcomes_must": [{"indicator": "入企检查", "value": 30, "unit": "%", "direction": "decrease",
                           "qualifier": None, "program": "企业安静期", "program_alt": []}],
        "outcomes_must_not": []}


def test_scores_present_texts_per_cause(tmp_path, repo_root, shared_dir):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "own.txt").write_text(TEXT, encoding="utf-8")
    absent = dict(ITEM, file="absent.txt")
    (tmp_path / "annotations.json").write_text(json.dumps([ITEM, absent], ensure_ascii=False), encoding="utf-8")
    cmd = f"{shlex.quote(sys.executable)} -m kg extract"
    proc = subprocess.run([sys.executable, str(repo_root / "devset" / "score.py"), "--json", "--cmd", cmd,
                           "--texts", str(texts), "--annotations", str(tmp_path / "annotations.json"),
                           "--shared", str(shared_dir / "eval" / "score.py")],
                          cwd=repo_root, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-800:]
    out = json.loads(proc.stdout)
    assert list(out["reports"]) == ["own.txt"]
    total = out["total"]
    for figure in ("jurisdiction (name+parents)", "year", "kind", "published (where shown)", "title",
                   "programme recall", "document recall", "outcomes found (value+unit)"):
        assert total[figure] == pytest.approx(1.0), figure
    assert total["quoted non-programmes taken"] == 0


@pytest.mark.parametrize("spec, scored", [
    ("r66-", ["r66_own.txt"]),
    ("r01-r65", ["r01_own.txt"]),
    ("r0*", ["r01_own.txt"]),
    ("r01-r65,r66-", ["r01_own.txt", "r66_own.txt"]),
])
def test_files_selects_items_by_number_range_or_glob(tmp_path, repo_root, shared_dir, spec, scored):
    texts = tmp_path / "texts"
    texts.mkdir()
    items = [dict(ITEM, file=name) for name in ("r01_own.txt", "r66_own.txt")]
    for item in items:
        (texts / item["file"]).write_text(TEXT, encoding="utf-8")
    (tmp_path / "annotations.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    cmd = f"{shlex.quote(sys.executable)} -m kg extract"
    proc = subprocess.run([sys.executable, str(repo_root / "devset" / "score.py"), "--json", "--cmd", cmd,
                           "--texts", str(texts), "--annotations", str(tmp_path / "annotations.json"),
                           "--shared", str(shared_dir / "eval" / "score.py"), "--files", spec],
                          cwd=repo_root, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-800:]
    assert sorted(json.loads(proc.stdout)["reports"]) == scored


def test_oracle_programmes_measure_the_linker_apart_from_recognition(tmp_path, repo_root, shared_dir):
    """--oracle-programmes adds each annotated programme the extraction missed where its name is
    written, so a link is wrong only for the linker's sake; the causes of wrong links add up."""
    text = "全县推行青禾共办，办理时限压缩60%。"
    item = dict(ITEM, programs_must=[{"name": "青禾共办", "aliases": [], "type": "reform", "jurisdictions": []}],
                programs_must_not=[], documents_must=[],
                outcomes_must=[{"indicator": "办理时限", "value": 60, "unit": "%", "direction": "decrease",
                                "qualifier": None, "program": "青禾共办", "program_alt": []}])
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "own.txt").write_text(text, encoding="utf-8")
    (tmp_path / "annotations.json").write_text(json.dumps([item], ensure_ascii=False), encoding="utf-8")
    totals = {}
    for extra in ([], ["--oracle-programmes"]):
        proc = subprocess.run([sys.executable, str(repo_root / "devset" / "score.py"), "--json",
                               "--texts", str(texts), "--annotations", str(tmp_path / "annotations.json"),
                               "--shared", str(shared_dir / "eval" / "score.py"), *extra],
                              cwd=repo_root, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr[-800:]
        totals[bool(extra)] = json.loads(proc.stdout)["total"]
    plain, oracle = totals[False], totals[True]
    wrong = sum(plain[f"link wrong: {c}"] for c in ("not found", "unlinked", "other"))
    assert wrong == round((1 - plain["outcome -> programme links right"]) * 1)
    assert oracle["outcome -> programme links right"] == 1.0
