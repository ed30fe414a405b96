"""Shared fixtures: where the repository, the shared evaluation folder and the bundled examples are."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run (a test that fails on one run and passes on the next
# is a defect); a failure found once is kept as an @example. `--hypothesis-seed N` explores anew.
settings.register_profile("govkg", derandomize=True, database=None)
settings.load_profile("govkg")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout this test run is using."""
    return Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shared_dir(repo_root: Path) -> Path:
    """The project's shared folder (seeds, gold, scorer); skips the test when it is not there."""
    candidates = [repo_root.parent / "shared", repo_root.parent.parent / "shared"]   # main, worktree
    for shared in candidates:
        if shared.is_dir():
            return shared
    pytest.skip(f"shared folder not found at {candidates[0]}")


@pytest.fixture(scope="session")
def examples_dir(repo_root: Path) -> Path:
    """The bundled example reports."""
    return repo_root / "kg" / "examples"
