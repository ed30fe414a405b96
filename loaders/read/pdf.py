"""PDF reader: the text layer through PDFium (pypdfium2), pages without one through OCR.

pypdfium2 was chosen by measurement (docs/readers.md): as exact on Chinese text as pdfminer.six,
pypdf and PyMuPDF, 4–10× faster, and Apache-2.0/BSD licensed (PyMuPDF is AGPL). Each text run
comes with its box, so `layout.assemble` can drop running headers and page numbers, rejoin broken
lines and keep table rows. A page whose text layer is missing or unreadable (a scan, or a font
without a Unicode map) is read by Tesseract when it is installed (`loaders.read.ocr`).
"""
from __future__ import annotations

from pathlib import Path

from loaders.errors import LoadError
from loaders.read import ocr
from loaders.read.layout import Run, assemble

__all__ = ["read_pdf", "pdf_pages"]

_MAX_PAGES = 2000


def read_pdf(path: Path, data: bytes):
    """A PDF's text and the page of each part; a scanned page is OCRed (and the meta says so).

    Raises `LoadError` naming the file for a damaged or password-protected PDF, and for one whose
    pages are all images when Tesseract is not installed.
    """
    from loaders.read import RawText
    pages, scanned = pdf_pages(path, data)
    warnings, done = [], None
    if scanned:
        numbers = sorted(scanned)
        done = ocr.ocr_pdf_pages(path, data, numbers)
        if done is None and len(scanned) == len(pages):
            raise LoadError(path, f"scanned PDF: all its pages are images without a text layer, and OCR is "
                                  f"not available ({ocr.MISSING})")
        if done is None:
            what = f"pages {_ranges(numbers)} are images" if len(numbers) > 1 else f"page {numbers[0]} is an image"
            warnings.append(f"{what} without a text layer, not read: OCR is not available ({ocr.MISSING})")
        else:
            for number, runs in done.items():
                pages[number - 1] = runs
            warnings.append(f"text of page{'s' if len(numbers) > 1 else ''} {_ranges(numbers)} came from OCR "
                            f"(Tesseract {ocr.LANG}): check figures and names against the scan")
    text, parts = assemble(pages, tidy=ocr.tidy, tidy_pages=scanned if done else ())
    meta = {"pages": len(pages), **({"warnings": warnings} if warnings else {})}
    if done:
        meta["ocr_pages"] = len(done)
    return RawText(text, "pdf", meta, parts)


def pdf_pages(path: Path, data: bytes) -> tuple[list[list[Run]], set[int]]:
    """Runs of text of each page (y downward, points) and the numbers (from 1) of pages needing OCR."""
    pdfium = _pdfium(path)
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise LoadError(path, _open_error(str(exc))) from None
    try:
        if len(doc) == 0:
            raise LoadError(path, "PDF has no pages")
        if len(doc) > _MAX_PAGES:
            raise LoadError(path, f"PDF has {len(doc)} pages, more than {_MAX_PAGES} for one report")
        pages, scanned = [], set()
        for number in range(len(doc)):
            runs, images = _page_runs(doc[number], pdfium)
            if images and not _readable(runs):
                scanned.add(number + 1)
                runs = []
            pages.append(runs)
        return pages, scanned
    finally:
        doc.close()


def _pdfium(path: Path):
    try:
        import pypdfium2
        import pypdfium2.raw  # noqa: F401  (the page-object type constants)
    except ImportError:
        raise LoadError(path, "reading PDF needs the pypdfium2 package (pip install pypdfium2)") from None
    return pypdfium2


def _open_error(message: str) -> str:
    low = message.lower()
    if "password" in low:
        return "encrypted PDF: it needs a password to open; save an unprotected copy"
    if "format" in low or "file" in low:
        return "damaged or not a PDF (PDFium cannot parse it)"
    return f"cannot open the PDF ({message})"


def _page_runs(page, pdfium) -> tuple[list[Run], bool]:
    """The page's text as runs (one per line, or per table cell), and whether the page holds images
    (a page of images without readable text is a scan).

    PDFium's text already breaks lines (a generated CR LF where the baseline changes) and marks gaps
    (a generated space), so boxes are fetched only at each line's ends and around its spaces.
    """
    textpage = page.get_textpage()
    height = page.get_height()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        if len(text) != count:      # characters beyond the BMP: one box per character instead
            text = "".join(chr(pdfium.raw.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
        runs = [run for start, stop in _line_spans(text) for run in _line_runs(textpage, text, start, stop, height)]
        readable = _readable(runs)
        images = not readable and any(True for _ in page.get_objects(
            filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2))
    finally:
        textpage.close()
        page.close()
    return runs, images


def _line_spans(text: str):
    start = 0
    for i, ch in enumerate(text):
        if ch in "\r\n\ufffe":
            if i > start:
                yield start, i
            start = i + 1
    if len(text) > start:
        yield start, len(text)


def _line_runs(textpage, text: str, start: int, stop: int, height: float) -> list[Run]:
    """One line's characters as runs, cut at spaces wider than two character heights (table cells)."""
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if start >= stop:
        return []
    cuts, begin = [], start
    for i in range(start, stop):
        if text[i] == " " and i > begin:
            left, right = textpage.get_charbox(i - 1), textpage.get_charbox(i + 1)
            size = max(left[3] - left[1], right[3] - right[1], 1.0)
            if right[0] - left[2] > 1.8 * size:
                cuts.append((begin, i))
                begin = i + 1
    cuts.append((begin, stop))
    runs = []
    for a, b in cuts:
        piece = text[a:b].strip()
        if piece:
            boxes = [textpage.get_charbox(k) for k in {a, (a + b - 1) // 2, b - 1}]
            runs.append(Run(min(x[0] for x in boxes), height - max(x[3] for x in boxes),
                            max(x[2] for x in boxes), height - min(x[1] for x in boxes), piece))
    return runs


def _readable(runs: list[Run]) -> bool:
    """A text layer worth keeping: some text, and not mostly private-use or replacement characters."""
    chars = "".join(r.text for r in runs).replace(" ", "")
    if len(chars) < 5:
        return False
    bad = sum(1 for ch in chars if "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd" or ord(ch) < 32)
    return bad < len(chars) * 0.2


def _ranges(numbers: list[int]) -> str:
    """Page numbers compactly: 1–3, 5.

    >>> _ranges([1, 2, 3, 5])
    '1–3, 5'
    """
    out, start = [], numbers[0]
    for prev, cur in zip(numbers, numbers[1:] + [None]):
        if cur != prev + 1 if cur is not None else True:
            out.append(f"{start}–{prev}" if prev != start else str(start))
            start = cur
    return ", ".join(out)
