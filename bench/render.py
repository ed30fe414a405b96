"""Render a report's plain text into the formats governments publish: PDF (text layer or page images),
Word (.docx, and .doc through LibreOffice when installed), OFD and WARC. Used by the reader tests and
the reader benchmark, so both read files made the way real ones are (real libraries, a real CJK font).

The layout imitates an official document: a centred title, body paragraphs indented two characters and
wrapped at the page width, a running header and a page number (— 3 —) on every page, and table rows
(lines whose cells are separated by two spaces) drawn as cells on a grid.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["cjk_font", "layout", "to_pdf", "to_scanned_pdf", "to_docx", "to_doc", "to_ofd", "to_warc",
           "Line", "PAGE", "CELL_GAP"]

PAGE = (595.0, 842.0)         # A4 in points
MARGIN = (72.0, 72.0, 80.0, 80.0)   # left, right, top, bottom
SIZE, TITLE_SIZE, LEADING = 16.0, 22.0, 28.0   # GB/T 9704: body in 三号 (16 pt), 22 lines a page
CELL_GAP = "  "               # how a table row's cells are separated in the plain text


@dataclass(frozen=True)
class Line:
    """One positioned line of a page: x, y from the top (points), font size, text; cells for a table row."""

    x: float
    y: float
    size: float
    text: str
    cells: tuple[tuple[float, str], ...] = ()
    justify: bool = False     # stretched to the right margin, as Word sets all but a paragraph's last line


def cjk_font() -> str | None:
    """Path of an installed font with Chinese glyphs (WenQuanYi, Noto CJK…), or None.

    >>> cjk_font() is None or Path(cjk_font()).exists()
    True
    """
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    files = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
    files += [str(p) for p in Path("/usr/share/fonts").rglob("*") if "wqy" in p.name.lower() or "cjk" in p.name.lower()]
    preferred = sorted((f for f in files if f.endswith((".ttc", ".ttf", ".otf"))),
                       key=lambda f: ("zenhei" not in f.lower(), "wqy" not in f.lower(), f))
    return preferred[0] if preferred else None


def _width(text: str, size: float) -> float:
    return sum(size if ord(ch) > 0x2e7f else size * 0.55 for ch in text)


def _wrap(text: str, width: float, size: float, indent: float) -> list[str]:
    """Break at any Chinese character, never inside a run of Latin letters and digits (as Word does)."""
    lines, current, room = [], "", width - indent
    for token in re.findall(r"[A-Za-z0-9.,%:/+\-]+|.", text):
        if _width(current + token, size) > room and current and token not in "。，、；：？！”’）》":
            lines.append(current)
            current, room = "", width
        current += token
    return lines + [current] if current else lines


def layout(text: str, header: str | None = None) -> list[list[Line]]:
    """Pages of positioned lines for `text`: the first line is the title, blank lines are dropped.

    >>> pages = layout("标题\\n" + "很长的正文。" * 150)
    >>> len(pages) >= 2 and pages[0][0].text == "标题"
    True
    """
    left, right, top, bottom = MARGIN
    width = PAGE[0] - left - right
    paras = [p.strip() for p in text.splitlines() if p.strip()]
    placed: list[Line] = []
    for i, para in enumerate(paras):
        if i == 0:
            placed.append(Line((PAGE[0] - _width(para, TITLE_SIZE)) / 2, 0, TITLE_SIZE, para))
        elif CELL_GAP in para:
            cells = para.split(CELL_GAP)
            step = width / len(cells)
            placed.append(Line(left, 0, SIZE, para, tuple((left + 4 + k * step, c) for k, c in enumerate(cells))))
        else:
            rows = _wrap(para, width, SIZE, 2 * SIZE)
            for j, row in enumerate(rows):
                placed.append(Line(left + (2 * SIZE if j == 0 else 0), 0, SIZE, row, justify=j < len(rows) - 1))
    per_page = int((PAGE[1] - top - bottom) // LEADING)
    pages = []
    for start in range(0, len(placed), per_page):
        chunk = placed[start:start + per_page]
        pages.append([Line(ln.x, top + LEADING * (k + 1), ln.size, ln.text, ln.cells, ln.justify)
                      for k, ln in enumerate(chunk)])
    return pages


def _spacing(line: Line, natural: float) -> float:
    """Extra space between characters that stretches a justified line to the right margin."""
    if not line.justify or len(line.text) < 2:
        return 0.0
    return (PAGE[0] - MARGIN[1] - line.x - natural) / (len(line.text) - 1)


def _chrome(page_no: int, header: str) -> list[Line]:
    number = f"— {page_no} —"
    return [Line((PAGE[0] - _width(header, 10)) / 2, 50, 10, header),
            Line((PAGE[0] - _width(number, 10)) / 2, PAGE[1] - 40, 10, number)]


def to_pdf(text: str, path: Path, header: str = "政府信息公开") -> Path:
    """A text-layer PDF of `text` (reportlab, the CJK font embedded), with running header and page numbers."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    font = cjk_font()
    if font is None:
        raise RuntimeError("no CJK font installed (fonts-wqy-zenhei)")
    if "CJK" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("CJK", font, subfontIndex=0))
    c = canvas.Canvas(str(path), pagesize=PAGE)
    for n, page in enumerate(layout(text), 1):
        for ln in page + _chrome(n, header):
            c.setFont("CJK", ln.size)
            space = _spacing(ln, pdfmetrics.stringWidth(ln.text, "CJK", ln.size))
            for x, cell in ln.cells or ((ln.x, ln.text),):
                c.drawString(x, PAGE[1] - ln.y, cell, charSpace=space)
            if ln.cells:
                c.rect(MARGIN[0], PAGE[1] - ln.y - 6, PAGE[0] - MARGIN[0] - MARGIN[1], LEADING, stroke=1, fill=0)
        c.showPage()
    c.save()
    return path


def page_images(text: str, dpi: int = 200, header: str = "政府信息公开") -> list:
    """Each page of `text` drawn as a greyscale Pillow image, as a scanner would see the printed page."""
    from PIL import Image, ImageDraw, ImageFont
    font_path, scale, images = cjk_font(), dpi / 72.0, []
    for n, page in enumerate(layout(text), 1):
        img = Image.new("L", (int(PAGE[0] * scale), int(PAGE[1] * scale)), 255)
        draw = ImageDraw.Draw(img)
        for ln in page + _chrome(n, header):
            font = ImageFont.truetype(font_path, int(ln.size * scale), index=0)
            space = _spacing(ln, font.getlength(ln.text) / scale) * scale
            for x, cell in ln.cells or ((ln.x, ln.text),):
                at = x * scale
                for ch in cell:
                    draw.text((at, (ln.y - ln.size) * scale), ch, fill=0, font=font)
                    at += font.getlength(ch) + space
        images.append(img)
    return images


def to_scanned_pdf(text: str, path: Path, dpi: int = 200) -> Path:
    """An image-only PDF (no text layer) of `text`, one page image per page."""
    images = page_images(text, dpi)
    images[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


def to_docx(text: str, path: Path) -> Path:
    """A .docx (python-docx): the title as a heading, paragraphs, table rows as a Word table."""
    import docx
    document = docx.Document()
    lines = [p.strip() for p in text.splitlines() if p.strip()]
    document.add_heading(lines[0], level=1)
    i = 1
    while i < len(lines):
        if CELL_GAP in lines[i]:
            rows = []
            while i < len(lines) and CELL_GAP in lines[i]:
                rows.append(lines[i].split(CELL_GAP))
                i += 1
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, cells in enumerate(rows):
                for k, cell in enumerate(cells):
                    table.cell(r, k).text = cell
            continue
        document.add_paragraph(lines[i])
        i += 1
    document.save(str(path))
    return path


def soffice() -> str | None:
    """The LibreOffice command, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_doc(text: str, path: Path) -> Path:
    """A Word 97 .doc of `text`, converted from a .docx by LibreOffice headless (raises when absent)."""
    office = soffice()
    if office is None:
        raise RuntimeError("LibreOffice is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        source = to_docx(text, Path(tmp) / (path.stem + ".docx"))
        subprocess.run([office, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        "doc:MS Word 97", "--outdir", tmp, str(source)], capture_output=True, timeout=180,
                       check=True)
        shutil.copyfile(Path(tmp) / (path.stem + ".doc"), path)
    return path


_OFD_NS = "http://www.ofdspec.org/2016"


def to_ofd(text: str, path: Path) -> Path:
    """An OFD package (GB/T 33190): OFD.xml → Doc_0/Document.xml → Pages/Page_N/Content.xml with one
    TextObject per line (or table cell). Objects are written bottom-up, so a reader must sort them."""
    from xml.sax.saxutils import escape
    mm = 25.4 / 72
    pages = layout(text)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{_OFD_NS}" '
                              f'Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID>'
                              f'</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        page_refs = "".join(f'<ofd:Page ID="{n + 10}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
        z.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{_OFD_NS}">'
                                         f'<ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>'
                                         f'</ofd:PageArea></ofd:CommonData><ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>')
        for n, page in enumerate(pages):
            objects, oid = [], 100
            for ln in reversed(page + _chrome(n + 1, "政府信息公开")):
                for x, cell in ln.cells or ((ln.x, ln.text),):
                    oid += 1
                    size = ln.size * mm
                    width = PAGE[0] - MARGIN[1] - x if ln.justify else _width(cell, ln.size)
                    objects.append(f'<ofd:TextObject ID="{oid}" Boundary="{x * mm:.2f} {(ln.y - ln.size) * mm:.2f} '
                                   f'{width * mm:.2f} {size * 1.2:.2f}" Font="1" Size="{size:.2f}">'
                                   f'<ofd:TextCode X="0" Y="{size:.2f}">{escape(cell)}</ofd:TextCode></ofd:TextObject>')
            z.writestr(f"Doc_0/Pages/Page_{n}/Content.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{_OFD_NS}"><ofd:Content>'
                       f'<ofd:Layer ID="2">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')
    return path


def to_warc(records: list[tuple[str, str, bytes, str]], path: Path, gzip: bool = True) -> Path:
    """A WARC (warcio) of HTTP responses: (url, content type, body, capture date ISO) each, with a
    request record before each response, as a crawler writes them."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for url, ctype, body, date in records:
            stamp = {"WARC-Date": f"{date}T08:00:00Z"}
            req = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                          http_headers=req, warc_headers_dict=stamp))
            status = "404 Not Found" if ctype == "404" else "200 OK"
            headers = StatusAndHeaders(status, [("Content-Type", "text/html" if ctype == "404" else ctype),
                                                ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers, warc_headers_dict=stamp))
    return path
