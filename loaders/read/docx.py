"""Word .docx reader (python-docx): body paragraphs and table rows in document order, one a line.

A table row becomes one line with its cells two spaces apart (a merged cell once), as the PDF and
Markdown readers write rows; each line's `Part` names it ("paragraph 7", "table 2, row 3"). Running
headers and footers live outside the body and are not read. An encrypted .docx is not a ZIP at all
but an OLE container, which is how a password-protected file is told from a damaged one.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from loaders.errors import LoadError
from loaders.records import Part

__all__ = ["read_docx", "docx_lines"]

CELL_GAP = "  "
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path, data: bytes):
    """The text of a .docx and the paragraph or table row of each line.

    Raises `LoadError` naming the file for a password-protected, damaged or non-Word file.
    """
    from loaders.read import RawText
    lines = docx_lines(path, data)
    text, parts = "", []
    for label, line in lines:
        start = len(text) + (1 if text else 0)
        text = f"{text}\n{line}" if text else line
        parts.append(Part(start, len(text), label=label))
    return RawText(text, "docx", {}, tuple(parts))


def docx_lines(path: Path, data: bytes) -> list[tuple[str, str]]:
    """(label, text) for every non-empty paragraph and table row of the body, in document order."""
    document = _open(path, data)
    out: list[tuple[str, str]] = []
    paragraphs = tables = 0
    for block in document.element.body.iterchildren():
        if block.tag == _W + "p":
            paragraphs += 1
            text = _paragraph_text(block)
            if text.strip():
                out.append((f"paragraph {paragraphs}", text.strip()))
        elif block.tag == _W + "tbl":
            tables += 1
            for row_no, row in enumerate(_rows(block), 1):
                if any(cell for cell in row):
                    out.append((f"table {tables}, row {row_no}", CELL_GAP.join(c for c in row if c)))
    return out


def _open(path: Path, data: bytes):
    if data.startswith(_OLE):
        raise LoadError(path, "password-protected (encrypted) Word file, or an old .doc named .docx; "
                              "save an unprotected .docx")
    try:
        import docx
    except ImportError:
        raise LoadError(path, "reading .docx needs the python-docx package (pip install python-docx)") from None
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LoadError(path, f"damaged or not a Word .docx file ({type(exc).__name__})") from None
    except Exception as exc:  # python-docx raises its own PackageNotFoundError, lxml its XMLSyntaxError
        raise LoadError(path, f"damaged or not a Word .docx file ({type(exc).__name__})") from None


def _paragraph_text(p) -> str:
    """A paragraph's visible text: runs, tabs and breaks (deleted revisions and field codes skipped)."""
    out = []
    for node in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
        if any(a.tag in (_W + "del", _W + "instrText") for a in node.iterancestors()):
            continue
        out.append((node.text or "") if node.tag == _W + "t" else " ")
    return "".join(out)


def _rows(tbl) -> list[list[str]]:
    """Cell texts of each row; a cell merged into the one above (vMerge) is empty in Word's XML."""
    return [[" ".join(t for t in (_paragraph_text(p).strip() for p in tc.iter(_W + "p")) if t)
             for tc in tr.iterchildren(_W + "tc")] for tr in tbl.iterchildren(_W + "tr")]
