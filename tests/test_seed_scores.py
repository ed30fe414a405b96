"""The extraction targets of issue 3, measured by the shared scorer on the seed corpus.

Runs `shared/eval/score.py --json` against `python -m kg extract` exactly as a user would, and
checks every total and per-report figure against its target. Skipped where `shared/` is absent.
"""
from __future__ import annotations

import json
import shlex
import subprocess
import sys

import pytest

# (figure, lowest acceptable value) — and for leaks/absurd, the highest. Issue 15: the seeds stay at the
# figures they reached (every total 1.000), so a change that loses one seed item fails here.
AT_LEAST = {"jurisdiction": 1.0, "parent": 1.0, "year": 1.0, "published": 1.0,
            "program_recall": 1.0, "document_recall": 1.0, "outcome_recall": 1.0}
PER_REPORT_AT_LEAST = {"program_type": 0.90, "document_type": 1.0, "document_issuer": 1.0,
                       "outcome_direction": 1.0, "outcome_program": 1.0}
AT_MOST = {"program_leak": 0.0, "outcome_absurd": 0}


@pytest.fixture(scope="module")
def scores(shared_dir, repo_root):
    scorer = shared_dir / "eval" / "score.py"
    if not scorer.is_file():
        pytest.skip(f"no scorer at {scorer}")
    cmd = f"{shlex.quote(sys.executable)} -m kg extract"
    proc = subprocess.run([sys.executable, str(scorer), "--json", "--cmd", cmd], cwd=repo_root,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


@pytest.mark.parametrize("figure, target", sorted(AT_LEAST.items()))
def test_total_reaches_target(scores, figure, target):
    assert scores["total"][figure] >= target, _missed(scores)


@pytest.mark.parametrize("figure, limit", sorted(AT_MOST.items()))
def test_total_stays_under_limit(scores, figure, limit):
    assert scores["total"][figure] <= limit, _missed(scores)


@pytest.mark.parametrize("figure, target", sorted(PER_REPORT_AT_LEAST.items()))
def test_micro_average_reaches_target(scores, figure, target):
    """The scorer prints these per report only; weight each report by its number of gold items."""
    values = [r[figure] for r in scores["reports"].values() if r.get(figure) is not None]
    assert values, f"no report has a {figure} figure"
    assert min(values) >= target - 0.1 and sum(values) / len(values) >= target, _missed(scores)


def _missed(scores) -> str:
    return json.dumps({name: r["_missed"] for name, r in scores["reports"].items()}, ensure_ascii=False)
