"""Reports as published: the same report rendered into PDF, Word, OFD and a web archive gives the same
programmes, documents and outcomes as its .txt original; pages and Word parts are cited; scanned
pages are OCRed (recall ≥ 0.90 of the original's programmes and documents).

Every file is made here by the real libraries (reportlab with a CJK font, python-docx, a zipped OFD
package, warcio, LibreOffice where installed); the .doc fixture was made by LibreOffice from
tests/data/formats/qingchuan-2024.txt, our own text.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench import render
from loaders import extract_text, load_report
from loaders.read import read
from loaders.read.ocr import available as ocr_available

REPO = Path(__file__).resolve().parents[1]
FORMATS = Path(__file__).parent / "data" / "formats"
OWN = FORMATS / "qingchuan-2024.txt"
EXAMPLES = ["hz-xihu-2024.txt", "js-kunshan-2023-gb18030.txt", "sx-jincheng-chengqu-2024.txt"]
needs_font = pytest.mark.skipif(render.cjk_font() is None, reason="no CJK font installed (fonts-wqy-zenhei)")


def _original(name: str) -> str:
    path = OWN if name == OWN.name else REPO / "kg" / "examples" / name
    data = path.read_bytes()
    return (data.decode("gb18030") if "gb18030" in name else data.decode("utf-8")).replace("\r\n", "\n")


def facts(x) -> tuple:
    """What a report says, independent of offsets: its place, year, programmes, documents, outcomes."""
    return (x.jurisdiction.label if x.jurisdiction else None, x.year, sorted({p.name for p in x.programs}),
            sorted({d.title for d in x.documents}),
            sorted({(o.indicator, o.value, o.unit, o.direction) for o in x.outcomes}))


RENDER = {"pdf": render.to_pdf, "docx": render.to_docx, "ofd": render.to_ofd}
CASES = [(name, fmt) for name in [OWN.name, *EXAMPLES] for fmt in RENDER]


@needs_font
@pytest.mark.parametrize("name,fmt", CASES, ids=[f"{n}-{f}" for n, f in CASES])
def test_text_formats_give_the_same_facts_as_the_txt(tmp_path, name, fmt):
    text = _original(name)
    path = RENDER[fmt](text, tmp_path / f"{Path(name).stem}.{fmt}")
    got = load_report(path)
    assert facts(got) == facts(extract_text(name, text))
    assert got.programs and got.documents and got.outcomes   # the comparison compared something


@pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is not installed (Debian antiword)")
def test_committed_doc_fixture_reads_like_its_txt():
    got = load_report(FORMATS / "qingchuan-2024.doc")
    assert facts(got) == facts(extract_text(OWN.name, _original(OWN.name)))
    assert got.encoding == "doc (antiword)"


@pytest.mark.skipif(render.soffice() is None, reason="LibreOffice is not installed, so no .doc can be made here")
@pytest.mark.parametrize("name", EXAMPLES[:2])
def test_doc_made_by_libreoffice_gives_the_same_facts(tmp_path, name):
    text = _original(name)
    got = load_report(render.to_doc(text, tmp_path / "report.doc"))
    assert facts(got) == facts(extract_text(name, text))


@needs_font
@pytest.mark.parametrize("fmt", ["pdf", "ofd"])
def test_paged_text_has_no_running_header_or_page_numbers_and_keeps_table_rows(tmp_path, fmt):
    raw = read(RENDER[fmt](_original(OWN.name), tmp_path / f"r.{fmt}"))
    assert "政府信息公开" not in raw.text and "— 1 —" not in raw.text and "— 2 —" not in raw.text
    lines = raw.text.splitlines()
    for row in ("指标  2023年  2024年", "行政复议案件  120件  98件", "行政诉讼案件  41件  36件"):
        assert row in lines
    # every paragraph of the original is one line again (lines broken at the margin and page end rejoined)
    assert lines == [line for line in _original(OWN.name).splitlines() if line.strip()]
    assert len({p.page for p in raw.parts}) >= 2


def test_docx_keeps_tables_as_rows_in_document_order(tmp_path):
    raw = read(render.to_docx(_original(OWN.name), tmp_path / "r.docx"))
    lines = raw.text.splitlines()
    assert lines == [line for line in _original(OWN.name).splitlines() if line.strip()]
    labels = {raw.text[p.start:p.end]: p.label for p in raw.parts}
    assert labels["行政复议案件  120件  98件"] == "table 1, row 2"
    assert labels[lines[0]] == "paragraph 1"


def govkg(*args: str, cwd: Path, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})})


@needs_font
def test_extract_cites_the_page_of_each_mention(tmp_path):
    pdf = render.to_pdf(_original(EXAMPLES[0]), tmp_path / "xihu.pdf")
    result = govkg("extract", "xihu.pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout)
    pages = _page_texts(pdf)
    mentions = [m for p in row["programs"] + row["documents"] for m in p["mentions"]]
    assert len(mentions) >= 10 and {m["page"] for m in mentions} >= {1, 2}
    for m in mentions:
        assert set(m) == {"start", "end", "text", "page"}
        assert m["text"] in pages[m["page"] - 1].replace("\n", "").replace("\r", "")
    assert all(o["page"] in (1, 2, 3) for o in row["outcomes"])


def test_extract_names_the_word_part_of_each_mention(tmp_path):
    render.to_docx(_original(OWN.name), tmp_path / "q.docx")
    row = json.loads(govkg("extract", "q.docx", cwd=tmp_path).stdout)
    parts = {m["part"] for p in row["programs"] for m in p["mentions"]}
    assert parts and all(p.startswith("paragraph ") for p in parts)


def _page_texts(pdf: Path) -> list[str]:
    import pypdfium2
    doc = pypdfium2.PdfDocument(pdf)
    try:
        return [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()


def _warc(tmp_path: Path, gzip: bool = True) -> tuple[Path, dict[str, str]]:
    """A crawl of three reports (HTML page, PDF and .docx attachments) plus a stylesheet and a 404."""
    own, xihu = _original(OWN.name), _original(EXAMPLES[0])
    pdf = render.to_pdf(xihu, tmp_path / "a.pdf").read_bytes()
    docx = render.to_docx(own, tmp_path / "b.docx").read_bytes()
    page = ("<html><head><meta charset='gbk'><title>青川县2024年法治政府建设情况报告_青川县人民政府</title></head>"
            "<body><div class='nav'>首页 政务公开</div><div class='content'>"
            + "".join(f"<p>{line}</p>" for line in own.splitlines()) + "</div></body></html>").encode("gbk")
    urls = {"page": "http://www.cnqc.gov.cn/zwgk/art/2025/3/1/art_1.html",
            "pdf": "http://www.xihu.gov.cn/attach/0/report.pdf?id=7", "docx": "http://www.cnqc.gov.cn/file/report.docx"}
    path = render.to_warc([(urls["page"], "text/html; charset=gbk", page, "2025-03-01"),
                           ("http://www.cnqc.gov.cn/css/main.css", "text/css", b"body{}", "2025-03-01"),
                           (urls["pdf"], "application/pdf", pdf, "2025-03-02"),
                           ("http://www.cnqc.gov.cn/gone.pdf", "404", b"<html>404</html>", "2025-03-02"),
                           (urls["docx"], "application/octet-stream", docx, "2025-03-03")],
                          tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), gzip=gzip)
    return path, urls


@needs_font
@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_warc_yields_one_extract_line_per_archived_report(tmp_path, gzip):
    path, urls = _warc(tmp_path, gzip)
    result = govkg("extract", path.name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in rows] == [urls["page"], urls["pdf"], urls["docx"]]
    assert {r["archive"] for r in rows} == {path.name}
    assert [r["captured"] for r in rows] == ["2025-03-01", "2025-03-02", "2025-03-03"]
    assert facts_json(rows[1]) == facts_json(_json(EXAMPLES[0])) and facts_json(rows[2]) == facts_json(_json(OWN.name))
    assert rows[0]["jurisdiction"]["name"] == "青川县" and {p["name"] for p in rows[0]["programs"]} >= {"企业安静期", "首违不罚"}


def _json(name: str) -> dict:
    return extract_text(name, _original(name)).to_json()


def facts_json(row: dict) -> tuple:
    return (row["jurisdiction"]["name"], row["year"], sorted(p["name"] for p in row["programs"]),
            sorted(d["title"] for d in row["documents"]),
            sorted((o["indicator"], o["value"], o["unit"]) for o in row["outcomes"]))


@needs_font
def test_build_stores_each_archived_report_with_its_url_and_rebuild_skips_them(tmp_path):
    path, urls = _warc(tmp_path)
    first = govkg("build", path.name, "--store", "s", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("built 3 reports")
    sparql = "SELECT ?u WHERE { ?r <https://w3id.org/govkg/ontology#sourceURL> ?u }"
    rows = json.loads(govkg("sparql", sparql, "--store", "s", "--format", "json", cwd=tmp_path).stdout)
    assert sorted(r["u"] for r in rows) == sorted(urls.values())
    again = govkg("build", path.name, "--store", "s", cwd=tmp_path)
    assert again.stdout.startswith("built 0 reports (3 unchanged)"), again.stdout
    assert govkg("validate", "--store", "s", cwd=tmp_path).returncode == 0
    gone = govkg("remove", path.name, "--store", "s", cwd=tmp_path)
    assert gone.returncode == 0 and gone.stdout.strip() == "removed 3 reports", gone.stdout + gone.stderr
    assert json.loads(govkg("query", "reports", "--store", "s", "--format", "json", cwd=tmp_path).stdout) == []


def _recall(original: set, got: set) -> float:
    return len(original & got) / len(original)


@needs_font
@pytest.mark.skipif(ocr_available() is None, reason="Tesseract with chi_sim is not installed")
def test_scanned_pdf_is_read_by_ocr_and_says_so(tmp_path):
    text = _original(OWN.name)
    got = load_report(render.to_scanned_pdf(text, tmp_path / "scan.pdf"))
    want = extract_text(OWN.name, text)
    assert _recall({p.name for p in want.programs}, {p.name for p in got.programs}) >= 0.9
    assert _recall({d.title for d in want.documents}, {d.title for d in got.documents}) >= 0.9
    assert any("came from OCR" in w for w in got.warnings)
    assert got.jurisdiction.label == "青川县" and got.year == 2024


@pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is not installed (Debian antiword)")
def test_a_wps_file_in_word_97_format_reads_like_the_doc(tmp_path):
    wps = tmp_path / "report.wps"
    wps.write_bytes((FORMATS / "qingchuan-2024.doc").read_bytes())
    assert facts(load_report(wps)) == facts(extract_text(OWN.name, _original(OWN.name)))


def _mixed_pdf(tmp_path: Path) -> Path:
    """Page 1 with a text layer, page 2 a scan: the second half of our report on its own page."""
    import pypdfium2
    lines = _original(OWN.name).splitlines()
    first, second = "\n".join(lines[:6]), "\n".join(["青川县法治政府建设情况（续）", *lines[6:]])
    out = pypdfium2.PdfDocument.new()
    for path in (render.to_pdf(first, tmp_path / "a.pdf"), render.to_scanned_pdf(second, tmp_path / "b.pdf")):
        src = pypdfium2.PdfDocument(path)
        out.import_pages(src, [0])
        src.close()
    out.save(tmp_path / "mixed.pdf")
    out.close()
    return tmp_path / "mixed.pdf"


@needs_font
@pytest.mark.skipif(ocr_available() is None, reason="Tesseract with chi_sim is not installed")
def test_a_pdf_with_one_scanned_page_is_read_page_by_page(tmp_path):
    got = load_report(_mixed_pdf(tmp_path))
    assert [w for w in got.warnings if "OCR" in w] == [
        "text of page 2 came from OCR (Tesseract chi_sim): check figures and names against the scan"]
    assert {"企业安静期", "首违不罚"} <= {p.name for p in got.programs}
    assert {got.part_at(got.text.index("首违不罚")).page, got.part_at(0).page} == {2, 1}


@needs_font
def test_without_ocr_the_text_pages_of_a_mixed_pdf_are_read_and_the_scan_is_named(tmp_path):
    _mixed_pdf(tmp_path)
    bare = tmp_path / "bin"
    bare.mkdir()
    result = govkg("extract", "mixed.pdf", cwd=tmp_path, env={"PATH": str(bare)})
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout)
    assert "page 2 is an image without a text layer, not read: OCR is not available (install the Debian " \
           "packages tesseract-ocr and tesseract-ocr-chi-sim)" in row["warnings"]
    assert "企业安静期" in {p["name"] for p in row["programs"]}


@needs_font
def test_a_pdf_restricted_only_by_an_owner_password_is_read(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(TTFont("CJK", render.cjk_font(), subfontIndex=0))
    c = canvas.Canvas(str(tmp_path / "r.pdf"), encrypt=StandardEncryption("", ownerPassword="owner", canCopy=0))
    c.setFont("CJK", 14)
    c.drawString(72, 720, "青川县2024年法治政府建设情况报告")
    c.save()
    assert read(tmp_path / "r.pdf").text == "青川县2024年法治政府建设情况报告"
