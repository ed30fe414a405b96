"""Bad published files through the real `govkg build`: an encrypted or damaged PDF, a password-protected
Word file, a damaged OFD, a scanned PDF without OCR, a truncated web archive. Each is named once on one
line with its problem, the build goes on, and nothing already stored is lost.
"""
from __future__ import annotations

import io
import json
import os
import random
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bench import render

REPO = Path(__file__).resolve().parents[1]
FORMATS = Path(__file__).parent / "data" / "formats"
OWN = (FORMATS / "qingchuan-2024.txt").read_text(encoding="utf-8")
XIHU = (REPO / "kg" / "examples" / "hz-xihu-2024.txt").read_text(encoding="utf-8")
pytestmark = pytest.mark.skipif(render.cjk_font() is None, reason="no CJK font installed (fonts-wqy-zenhei)")


def govkg(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})})


def _encrypted_pdf(path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(path), encrypt=StandardEncryption("secret", canPrint=0))
    c.drawString(72, 720, "locked")
    c.save()


def _encrypted_docx(source: Path, path: Path) -> None:
    import msoffcrypto.format.ooxml
    out = io.BytesIO()
    with open(source, "rb") as f:
        msoffcrypto.format.ooxml.OOXMLFile(f).encrypt("secret", out)
    path.write_bytes(out.getvalue())


def _corpus(folder: Path) -> dict[str, str]:
    """Good and bad published files; bad name → a word its one line must contain."""
    folder.mkdir()
    rng = random.Random(11)
    render.to_pdf(OWN, folder / "good.pdf")
    render.to_docx(XIHU, folder / "good.docx")
    render.to_ofd(OWN.replace("青川县", "旺苍县"), folder / "good.ofd")
    _encrypted_pdf(folder / "locked.pdf")
    (folder / "damaged.pdf").write_bytes(b"%PDF-1.7\n" + rng.randbytes(4000))
    _encrypted_docx(folder / "good.docx", folder / "locked.docx")
    with zipfile.ZipFile(folder / "damaged.docx", "w") as z:
        z.writestr("word/nothing.xml", "<x/>")
    if shutil.which("antiword"):
        (folder / "locked.doc").write_bytes((FORMATS / "encrypted.doc").read_bytes())
    (folder / "damaged.ofd").write_bytes(b"PK\x03\x04" + rng.randbytes(300))
    (folder / "nodoc.ofd").write_bytes(_zip({"OFD.xml": "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>"}))
    html = "".join(f"<p>{line}</p>" for line in XIHU.splitlines()).encode()
    crawl = render.to_warc([("http://www.xihu.gov.cn/a.html", "text/html", html, "2025-03-01"),
                            ("http://www.xihu.gov.cn/b.docx", "application/octet-stream",
                             (folder / "good.docx").read_bytes(), "2025-03-02")], folder / "whole.warc.gz")
    data = crawl.read_bytes()
    (folder / "cut.warc.gz").write_bytes(data[: len(data) - 300])
    (folder / "notwarc.warc").write_bytes(b"GET / HTTP/1.1\r\n" + rng.randbytes(500))
    crawl.unlink()
    bad = {"locked.pdf": "encrypted PDF", "damaged.pdf": "damaged", "locked.docx": "password-protected",
           "damaged.docx": "damaged", "locked.doc": "password-protected", "damaged.ofd": "not a ZIP",
           "nodoc.ofd": "names no document", "cut.warc.gz": "truncated",
           "notwarc.warc": "not a WARC archive"}
    return {name: word for name, word in bad.items() if (folder / name).exists()}


def _zip(members: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in members.items():
            z.writestr(name, text)
    return out.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("badformats")
    (base / "before.txt").write_text(OWN, encoding="utf-8")
    first = govkg("build", "before.txt", "--store", "store", cwd=base)
    assert first.returncode == 0, first.stderr
    bad = _corpus(base / "corpus")
    return base, bad, govkg("build", "corpus", "--store", "store", cwd=base)


def test_build_exits_1_without_a_traceback(built):
    _, _, result = built
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout, result.stderr


def test_each_bad_file_is_named_once_with_its_problem(built):
    _, bad, result = built
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    for name, word in bad.items():
        mine = [line for line in lines if line.startswith(f"govkg: skipped corpus/{name}:")
                or line.startswith(f"govkg: skipped {built[0]}/corpus/{name}:")]
        assert len(mine) == 1, (name, result.stderr)
        assert word.lower() in mine[0].lower(), mine[0]
    assert len(lines) == len(bad), result.stderr


def test_good_files_and_the_archive_before_its_cut_are_stored_and_nothing_is_lost(built):
    base, _, result = built
    rows = json.loads(govkg("query", "reports", "--store", "store", "--format", "json", cwd=base).stdout)
    names = sorted(Path(r["source"]).name for r in rows)
    assert names == ["before.txt", "cut.warc.gz", "good.docx", "good.ofd", "good.pdf"], names
    places = {r["jurisdiction"] for r in rows}
    assert places >= {"青川县", "旺苍县"} and any(p and p.endswith("西湖区") for p in places), places
    assert govkg("validate", "--store", "store", cwd=base).returncode == 0


def test_scanned_pdf_without_ocr_is_named_and_the_rest_is_built(tmp_path):
    render.to_scanned_pdf(OWN, tmp_path / "scan.pdf", dpi=100)
    render.to_pdf(OWN, tmp_path / "text.pdf")
    bare = tmp_path / "bin"          # a PATH without tesseract: as on a machine without OCR
    bare.mkdir()
    result = govkg("build", "scan.pdf", "text.pdf", "--store", "s", cwd=tmp_path, env={"PATH": str(bare)})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (f"govkg: skipped {tmp_path / 'scan.pdf'}: scanned PDF: all its pages are images "
                                     "without a text layer, and OCR is not available (install the Debian packages "
                                     "tesseract-ocr and tesseract-ocr-chi-sim)")
    assert result.stdout.startswith("built 1 report")


def test_extract_names_a_bad_file_and_prints_the_good_ones(tmp_path):
    _encrypted_pdf(tmp_path / "locked.pdf")
    render.to_pdf(OWN, tmp_path / "ok.pdf")
    result = govkg("extract", "locked.pdf", "ok.pdf", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == ("govkg: error: locked.pdf: encrypted PDF: it needs a password to open; "
                                     "save an unprotected copy")
    assert json.loads(result.stdout)["jurisdiction"]["name"] == "青川县"
