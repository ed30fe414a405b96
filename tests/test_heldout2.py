"""Report-level facts on a held-out set of ten unseen reports (nine provinces, HTML/Markdown, GB18030,
UTF-16, full-width CRLF): jurisdiction, code, level, parents, year, publication date, kind, title."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from loaders.pipeline import load_report

HERE = Path(__file__).parent / "data" / "heldout2"
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extracted():
    return {g["file"]: load_report(HERE / g["file"]) for g in GOLD}


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"] for g in GOLD])
def test_report_facts(extracted, gold):
    x = extracted[gold["file"]]
    got = {"jurisdiction": x.jurisdiction.to_json() if x.jurisdiction else None, "year": x.year,
           "published": x.published, "kind": x.kind, "title": x.title, "encoding": x.encoding}
    assert got == {k: gold[k] for k in got}


# Programme recall belongs to the programme extractor; known misses are marked here with the reason.
_MISSED = {("nm-zhungeer-2021-utf16.txt", "矛盾纠纷多元化解中心"):
           "programme extractor drops a quoted name ending in 中心 (a facility) even when a town set it up"}
_PROGRAMMES = [pytest.param(g["file"], p, id=f'{g["file"]}:{p["name"]}',
                            marks=[pytest.mark.xfail(reason=_MISSED[(g["file"], p["name"])], strict=True)]
                            if (g["file"], p["name"]) in _MISSED else [])
               for g in GOLD for p in g["programs_must"]]


def _fold(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", name) if ch not in "+＋、·• ")


@pytest.mark.parametrize("file, want", _PROGRAMMES)
def test_programme_runs_where_gold_says(extracted, file, want):
    """Found, and attributed to the sub-unit (town, zone, district) the gold names, or to the report's place."""
    names = {_fold(want["name"])} | {_fold(a) for a in want["aliases"]}
    found = [p for p in extracted[file].programs if names & {_fold(n) for n in (p.name, *p.aliases)}]
    assert found, want["name"]
    assert sorted(j.label for j in found[0].jurisdictions) == sorted(want["jurisdictions"])
