"""`govkg --version`, kg.__version__, the LICENSE and CITATION.cff agree with each other and pyproject."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.cli import main

REPO = Path(__file__).resolve().parents[1]


def test_version_option_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"govkg {kg.__version__}"


def test_version_through_python_m_kg():
    done = subprocess.run([sys.executable, "-m", "kg", "--version"], capture_output=True, text=True,
                          cwd=REPO, timeout=60)
    assert done.returncode == 0 and re.fullmatch(r"govkg \d+\.\d+\.\d+\S*", done.stdout.strip())


def test_citation_and_licence_match_the_package():
    cff = (REPO / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(r'^version: "?' + re.escape(kg.__version__) + r'"?$', cff, re.M)
    assert re.search(r"^license: MIT$", cff, re.M)
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    toml = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'version = {attr = "kg.__version__"}' in toml and 'license = {text = "MIT"}' in toml


def test_readme_shows_the_plot_and_the_pages():
    import re
    text = (REPO / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\((docs/img/[^)]+\.png)\)", text)
    assert {"docs/img/diffusion.png", "docs/img/network-page.png", "docs/img/endpoint-page.png"} <= set(images)
    for image in images:
        assert (REPO / image).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", image
