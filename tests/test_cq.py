"""The competency questions (shared/eval/cq.py) over a store built from the seeds by the real CLI."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CQ = SHARED / "eval" / "cq.py"


def _has_build_command() -> bool:
    proc = subprocess.run([sys.executable, "-m", "kg", "build", "--help"], cwd=ROOT, capture_output=True)
    return proc.returncode == 0


@pytest.mark.slow
def test_competency_questions_on_the_seeds():
    if not CQ.exists() or not (SHARED / "corpus" / "seeds").is_dir():
        pytest.skip("shared/eval/cq.py or the seed corpus is not here")
    if not _has_build_command():
        pytest.skip("`govkg build` is not available yet")
    proc = subprocess.run([sys.executable, str(CQ), "--govkg", f"{sys.executable} -m kg"],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    found = re.search(r"answered (\d+)/(\d+)", proc.stdout)
    assert found, proc.stdout + proc.stderr
    answered, total = map(int, found.groups())
    assert total >= 13
    assert answered == total, proc.stdout
