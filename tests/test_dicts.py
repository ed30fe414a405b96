"""The word lists and weights in loaders/dicts/: one reader, clean files, every list in use."""
from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest

from loaders import dicts

DICTS = sorted(p.name for p in files("loaders.dicts").iterdir() if p.name.endswith((".txt", ".tsv", ".csv")))
LOADERS = Path(__file__).resolve().parents[1] / "loaders"


def test_dictionary_files_found():
    assert len(DICTS) >= 30


@pytest.mark.parametrize("name", DICTS)
def test_file_is_clean_and_readable(name):
    raw = files("loaders.dicts").joinpath(name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw, "BOM or CR drops entries silently"
    assert dicts.rows(name), f"{name} has no entries"


@pytest.mark.parametrize("name", DICTS)
def test_every_list_is_used_somewhere(name):
    code = "\n".join(p.read_text(encoding="utf-8") for p in LOADERS.rglob("*.py"))
    stem = name.rsplit(".", 1)[0]
    assert name in code or stem.removeprefix("document_") in code, f"{name} is read by no module"


def test_one_reader():
    """Only loaders/dicts/__init__.py opens dictionary files, in the loaders (gazetteer included) and kg."""
    reader = LOADERS / "dicts" / "__init__.py"
    pattern = re.compile(r"joinpath\(\s*[\"']dicts|files\(\s*[\"']loaders\.dicts")
    sources = [*LOADERS.rglob("*.py"), *(LOADERS.parent / "kg").rglob("*.py")]
    offenders = [str(p.relative_to(LOADERS.parent)) for p in sources
                 if p != reader and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


@pytest.mark.parametrize("module, name, uses", [
    ("extract/jurisdiction.py", "jurisdiction_weights.tsv", r'_w\("(\w+)"\)'),
    ("extract/kind.py", "kind_weights.tsv", r'\bw\["(\w+)"\]'),
])
def test_every_weight_a_module_uses_is_in_its_file(module, name, uses):
    used = set(re.findall(uses, (LOADERS / module).read_text(encoding="utf-8")))
    assert used and used <= set(dicts.weights(name)), sorted(used - set(dicts.weights(name)))


def test_weights_are_numbers_with_a_threshold():
    w = dicts.weights("programme_weights.tsv")
    assert 0 < w["threshold"] < 1 and "bias" in w and len(w) > 50
