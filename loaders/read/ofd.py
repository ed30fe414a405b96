"""OFD reader (GB/T 33190, China's format for official electronic documents).

An OFD file is a ZIP package: OFD.xml names each document's root (DocBody/DocRoot), Document.xml
lists its pages (Pages/Page/@BaseLoc), and each page's Content.xml holds TextObjects, each with a
Boundary box ("x y w h", millimetres, y downward) and TextCode children positioned inside it. The
pieces go through `layout.assemble` (reading order by Y then X, running headers and page numbers
dropped, lines rejoined), the same as a PDF's text layer. Names are matched without their XML
namespace, since producers differ in the prefix and the namespace URI they write.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from loaders.errors import LoadError
from loaders.read.layout import Run, assemble

__all__ = ["read_ofd", "ofd_pages"]

_MAX_MEMBER = 64 * 1024 * 1024   # a page's XML beyond this is a zip bomb, not a page


def read_ofd(path: Path, data: bytes):
    """The text of an OFD document and the page of each part."""
    from loaders.read import RawText
    pages = ofd_pages(path, data)
    text, parts = assemble(pages)
    return RawText(text, "ofd", {"pages": len(pages)}, parts)


def ofd_pages(path: Path, data: bytes) -> list[list[Run]]:
    """Runs of text on each page, in page order (millimetres, y downward)."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise LoadError(path, "damaged or not an OFD file (not a ZIP package)") from None
    with package:
        root = _xml(path, package, "OFD.xml")
        doc_roots = [el.text.strip() for el in root.iter() if _local(el.tag) == "DocRoot" and el.text]
        if not doc_roots:
            raise LoadError(path, "not an OFD file: OFD.xml names no document (DocRoot)")
        document_path = doc_roots[0].lstrip("/")
        document = _xml(path, package, document_path)
        base = posixpath.dirname(document_path)
        pages = []
        for page in (el for el in document.iter() if _local(el.tag) == "Page" and el.get("BaseLoc")):
            location = page.get("BaseLoc").lstrip("/")
            if not location.startswith(base + "/"):
                location = posixpath.join(base, location)
            pages.append(_runs(_xml(path, package, posixpath.normpath(location))))
        if not pages:
            raise LoadError(path, "OFD document lists no pages")
        return pages


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml(path: Path, package: zipfile.ZipFile, name: str):
    try:
        info = package.getinfo(name)
    except KeyError:
        raise LoadError(path, f"damaged OFD package: {name} is missing") from None
    if info.flag_bits & 0x1:
        raise LoadError(path, "encrypted OFD package; save an unprotected copy")
    if info.file_size > _MAX_MEMBER:
        raise LoadError(path, f"damaged OFD package: {name} unpacks to {info.file_size:,} bytes")
    try:
        with package.open(info) as member:
            return ElementTree.fromstring(member.read(_MAX_MEMBER + 1))
    except (ElementTree.ParseError, zipfile.BadZipFile, OSError, EOFError) as exc:
        raise LoadError(path, f"damaged OFD package: {name} cannot be read ({type(exc).__name__})") from None


def _floats(text: str | None, n: int) -> list[float] | None:
    try:
        values = [float(v) for v in (text or "").replace(",", " ").split()]
    except ValueError:
        return None
    return values if len(values) >= n else None


def _runs(page) -> list[Run]:
    runs = []
    for obj in (el for el in page.iter() if _local(el.tag) == "TextObject"):
        box = _floats(obj.get("Boundary"), 4)
        if box is None:
            continue
        size = float(obj.get("Size") or 0) or box[3]
        codes = [el for el in obj if _local(el.tag) == "TextCode" and (el.text or "").strip()]
        for code in codes:
            x = box[0] + float(code.get("X") or 0)
            baseline = box[1] + float(code.get("Y") or size)
            right = box[0] + box[2] if len(codes) == 1 else min(box[0] + box[2], x + size * len(code.text))
            runs.append(Run(x, baseline - size, max(right, x + size * 0.5), baseline, code.text))
    return runs
