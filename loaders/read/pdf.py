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
    warnings = []
    if scanned:
        done = ocr.ocr_pdf_pages(path, data, sorted(scanned))
        if done is None:
            what = "all its pages are images" if len(scanned) == len(pages) else \
                f"page{'s' if len(scanned) > 1 else ''} {_ranges(sorted(scanned))} {'are' if len(scanned) > 1 else 'is an'} image{'s' if len(scanned) > 1 else ''}"
            if len(scanned) == len(pages):
                raise LoadError(path, f"scanned PDF: {what} without a text layer, and OCR is not available "
                                      f"({ocr.MISSING})")
            warnings.append(f"{what} without a text layer, not read: OCR is not available ({ocr.MISSING})")
        else:
            for number, runs in done.items():
                pages[number - 1] = runs
            warnings.append(f"text of page{'s' if len(scanned) > 1 else ''} {_ranges(sorted(scanned))} came from "
                            f"OCR (Tesseract {ocr.LANG}): check figures and names against the scan")
    text, parts = assemble(pages, tidy=ocr.tidy, tidy_pages=scanned)
    meta = {"pages": len(pages), **({"warnings": warnings} if warnings else {})}
    if scanned and done is not None:
        meta["ocr_pages"] = len(scanned)
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
    """The page's characters in content order, cut into runs at each line change or wide gap, and
    whether the page holds images (a page of images without readable text is a scan)."""
    images = any(True for _ in page.get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2))
    textpage = page.get_textpage()
    height = page.get_height()
    runs: list[Run] = []
    try:
        raw, handle = pdfium.raw, textpage.raw
        current: list = []          # [x0, top, x1, bottom, chars]
        for i in range(textpage.count_chars()):
            code = raw.FPDFText_GetUnicode(handle, i)
            if code in (10, 13, 0xFFFE) or (raw.FPDFText_IsGenerated(handle, i) == 1 and code != 32):
                continue
            left, bottom, right, top = textpage.get_charbox(i)
            box = (left, height - top, right, height - bottom)
            if code == 32 or right - left <= 0:
                if current and code == 32:
                    current[4].append(" ")
                continue
            if current and _same_run(current, box):
                current[2], current[3] = max(current[2], box[2]), max(current[3], box[3])
                current[1] = min(current[1], box[1])
                current[4].append(chr(code))
            else:
                _flush(current, runs)
                current = [*box, [chr(code)]]
        _flush(current, runs)
    finally:
        textpage.close()
        page.close()
    return runs, images


def _same_run(run: list, box: tuple) -> bool:
    """The next character carries on the run: it overlaps it vertically and follows it closely."""
    h = max(run[3] - run[1], box[3] - box[1], 0.1)
    shared = min(run[3], box[3]) - max(run[1], box[1])
    return shared >= 0.3 * min(run[3] - run[1], box[3] - box[1]) and -0.5 * h <= box[0] - run[2] <= 1.5 * h


def _flush(run: list, runs: list[Run]) -> None:
    text = "".join(run[4]).strip() if run else ""
    if text:
        runs.append(Run(run[0], run[1], run[2], run[3], text))


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
