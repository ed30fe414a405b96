"""The held-out dev set (tests/data/heldout: six reports from provinces other than Shanxi, written
for govkg and annotated before the extractors saw them) scored with the project's own scorer."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from kg.build.extract import extract_files

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"

# What the extractors reached on the held-out set, minus a small margin (micro-averaged totals).
FLOORS = {"jurisdiction": 1.0, "parent": 1.0, "year": 1.0, "published": 1.0, "program_recall": 0.95,
          "document_recall": 0.95, "outcome_recall": 0.95}
CEILINGS = {"program_leak": 0.10, "outcome_absurd": 0}


@pytest.fixture(scope="module")
def scored(shared_dir):
    path = shared_dir / "eval" / "score.py"
    if not path.is_file():
        pytest.skip(f"scorer not found at {path}")
    spec = importlib.util.spec_from_file_location("govkg_score", path)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = json.loads((HELDOUT / "gold.json").read_text(encoding="utf-8"))
    rows = {Path(r["source"]).name: r for r in extract_files([HELDOUT / g["file"] for g in gold])
            if isinstance(r, dict)}
    per_report = [score.score_report(g, rows.get(g["file"])) for g in gold]
    return score.total(per_report, gold), per_report


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_heldout_total_at_least(scored, key):
    totals, _ = scored
    assert totals[key] >= FLOORS[key], totals


@pytest.mark.parametrize("key", sorted(CEILINGS))
def test_heldout_total_at_most(scored, key):
    totals, _ = scored
    assert totals[key] <= CEILINGS[key], totals


@pytest.mark.parametrize("key, floor", [("program_type", 0.85), ("document_type", 0.95), ("outcome_direction", 0.95),
                                        ("outcome_program", 0.75), ("document_issuer", 0.90)])
def test_heldout_every_report_per_item_figures(scored, key, floor):
    _, per_report = scored
    worst = min(f[key] for f in per_report if f[key] is not None)
    assert worst >= floor, [f[key] for f in per_report]
