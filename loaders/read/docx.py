"""Word .docx reader: body paragraphs and table rows in document order, one a line.

The main document part (found through the package's relationships, usually word/document.xml) is
parsed with the standard library. python-docx reads the same XML but first loads every part of the
package (styles, numbering, theme…), which measured as costing more CPU than extracting the report's
text (docs/readers.md); the body is all a report needs. A table row becomes one line with its cells
two spaces apart, as the PDF and Markdown readers write rows; each line's `Part` names it
("paragraph 7", "table 2, row 3"). Running headers and footers live outside the body and are not read.
Deleted revisions (w:delText) and field codes (w:instrText) are not text. An encrypted .docx is not
a ZIP at all but an OLE container, which is how a password-protected file is told from a damaged one.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path
from xml.etree import ElementTree

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
    body = _body(path, data)
    out: list[tuple[str, str]] = []
    paragraphs = tables = 0
    for block in _blocks(body):
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


def _blocks(parent):
    """Paragraphs and tables in order, including those inside content controls (w:sdt) and custom XML."""
    for child in parent:
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            yield from _blocks(child)


_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MAIN = "/officeDocument"
_MAX_PART = 64 * 1024 * 1024


def _body(path: Path, data: bytes):
    """The w:body element of the package's main document part."""
    if data.startswith(_OLE):
        raise LoadError(path, "password-protected (encrypted) Word file, or an old .doc named .docx; "
                              "save an unprotected .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            root = _part(package, _main_part(package))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, EOFError, OSError, ValueError) as exc:
        raise LoadError(path, f"damaged or not a Word .docx file ({type(exc).__name__})") from None
    body = root.find(_W + "body")
    if body is None:
        raise LoadError(path, "damaged or not a Word .docx file (no document body)")
    return body


def _main_part(package: zipfile.ZipFile) -> str:
    rels = _part(package, "_rels/.rels")
    for rel in rels.iter(_REL):
        if rel.get("Type", "").endswith(_MAIN):
            return posixpath.normpath(rel.get("Target", "").lstrip("/"))
    raise KeyError("no main document part")


def _part(package: zipfile.ZipFile, name: str):
    info = package.getinfo(name)
    if info.file_size > _MAX_PART:
        raise ValueError(f"{name} unpacks to {info.file_size:,} bytes")
    with package.open(info) as member:
        return ElementTree.fromstring(member.read(_MAX_PART + 1))


_TEXT, _SPACES = _W + "t", {_W + "tab", _W + "br", _W + "cr"}


def _paragraph_text(p) -> str:
    """A paragraph's visible text: runs, tabs and breaks (w:delText and w:instrText are other tags)."""
    return "".join((node.text or "") if node.tag == _TEXT else " " for node in p.iter()
                   if node.tag == _TEXT or node.tag in _SPACES)


def _rows(tbl) -> list[list[str]]:
    """Cell texts of each row; a cell merged into the one above (vMerge) is empty in Word's XML."""
    return [[" ".join(t for t in (_paragraph_text(p).strip() for p in tc.iter(_W + "p")) if t)
             for tc in tr.findall(_W + "tc")] for tr in tbl.findall(_W + "tr")]
