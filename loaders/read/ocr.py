"""OCR of scanned PDF pages through the Tesseract command with its simplified-Chinese model (chi_sim).

Pages are rendered by PDFium at 300 dpi in grey and handed to `tesseract` as a PGM image on stdin;
its TSV output gives each word's box, so the page goes through the same `layout.assemble` as a text
layer. Tesseract writes ASCII punctuation and spaces between Chinese characters; `tidy` puts the
full-width marks back where Chinese text surrounds them. One thread per page (OMP_THREAD_LIMIT=1):
Tesseract's own threads cost more CPU than they save on a busy machine.
"""
from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from pathlib import Path

from loaders.errors import LoadError
from loaders.read.layout import CELL_GAP, Run

__all__ = ["available", "ocr_pdf_pages", "ocr_image", "tidy", "LANG", "MISSING", "DPI"]

LANG = "chi_sim"
DPI = 300
MISSING = "install the Debian packages tesseract-ocr and tesseract-ocr-chi-sim"
_TIMEOUT = 300


@functools.lru_cache(maxsize=1)
def available() -> str | None:
    """The tesseract command when it and its chi_sim model are installed, else None."""
    command = shutil.which("tesseract")
    if command is None:
        return None
    try:
        langs = subprocess.run([command, "--list-langs"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return command if LANG in langs.split() else None


def ocr_pdf_pages(path: Path, data: bytes, numbers: list[int]) -> dict[int, list[Run]] | None:
    """OCR the given pages (numbered from 1) of a PDF: page number → runs in points; None without OCR."""
    command = available()
    if command is None:
        return None
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(data)
    try:
        out = {}
        for number in numbers:
            page = doc[number - 1]
            bitmap = page.render(scale=DPI / 72, grayscale=True)
            image = _pgm(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride)
            out[number] = [Run(r.x0 * 72 / DPI, r.top * 72 / DPI, r.x1 * 72 / DPI, r.bottom * 72 / DPI, r.text)
                           for r in ocr_image(path, image, command)]
            page.close()
        return out
    finally:
        doc.close()


def _pgm(buffer: bytes, width: int, height: int, stride: int) -> bytes:
    rows = buffer if stride == width else b"".join(buffer[y * stride:y * stride + width] for y in range(height))
    return b"P5\n%d %d\n255\n" % (width, height) + rows


def ocr_image(path: Path, image: bytes, command: str | None = None) -> list[Run]:
    """Words Tesseract reads in one image (PGM/PNG bytes), as runs in pixels."""
    command = command or available()
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        done = subprocess.run([command, "stdin", "stdout", "-l", LANG, "--psm", "3", "tsv"], input=image,
                              capture_output=True, timeout=_TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        raise LoadError(path, f"OCR of a page took more than {_TIMEOUT} s") from None
    if done.returncode != 0:
        last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
        raise LoadError(path, f"OCR failed ({last})")
    return _words(done.stdout.decode("utf-8", "replace"))


def _words(tsv: str) -> list[Run]:
    """Tesseract's words grouped by its lines, split where a wide gap parts table cells; one run each."""
    lines: dict[tuple[str, ...], list[Run]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, width, height = (float(v) for v in cols[6:10])
        lines.setdefault(tuple(cols[1:5]), []).append(Run(left, top, left + width, top + height, cols[11].strip()))
    runs = []
    for words in lines.values():
        height = max(w.bottom - w.top for w in words)
        piece = [words[0]]
        for word in words[1:] + [None]:
            if word is None or word.x0 - piece[-1].x1 > 2.5 * height:
                runs.append(Run(piece[0].x0, min(w.top for w in piece), piece[-1].x1, max(w.bottom for w in piece),
                                " ".join(w.text for w in piece)))
                piece = []
            if word is not None:
                piece.append(word)
    return runs


_CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》]"
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


def tidy(text: str) -> str:
    """Full-width punctuation back beside Chinese text; spaces between Chinese characters and inside
    numbers dropped; quotation marks paired in order (Tesseract often reads “ as ”); a 一 between
    digits is a dash, a full stop between Chinese characters a middle dot.

    >>> tidy('全区推行 "企业 安静期” 制度 , 下降1,086件 (试行)')
    '全区推行“企业安静期”制度，下降1,086件（试行）'
    >>> tidy('《纲要（2 0 2 1一2025年）》 ”法治西湖.你我同行“.全区推行”首违不罚?清单和"青川县办法》')
    '《纲要（2021—2025年）》“法治西湖·你我同行”。全区推行“首违不罚”清单和《青川县办法》'
    >>> tidy("行政复议案件  120 件  98件")
    '行政复议案件  120件  98件'
    """
    if CELL_GAP in text:        # a table row: tidy each cell
        return CELL_GAP.join(tidy(cell) for cell in text.split(CELL_GAP))
    text = re.sub(rf"(?<={_CJK})\s+|\s+(?={_CJK})", "", text)
    if re.search(_CJK, text):
        text = re.sub(r"(?<=\d) (?=\d)", "", text)
        text = re.sub(rf"\*(?={_CJK})|(?<={_CJK})\*", '"', text)   # a small “ read as an asterisk
        text = re.sub(r"(?<=\d)[一-](?=\d)", "—", text)
    text = re.sub(rf"\s*([,;:?!()])\s*", lambda m: m.group(1), text)
    text = re.sub(rf"(?<={_CJK})([,;:?!()])|([,;:?!()])(?={_CJK})",
                  lambda m: _FULL[m.group(1) or m.group(2)], text)
    text = re.sub(r"(?<![0-9]),(?![0-9])", "，", text) if re.search(_CJK, text) else text
    return _nested_titles(_quotes(text))


def _nested_titles(text: str) -> str:
    """A title inside a title is set in 〈〉: a 》 after an open 〈 and before the outer 》 is its 〉.

    >>> _nested_titles("《关于印发〈某某办法》的通知》")
    '《关于印发〈某某办法〉的通知》'
    """
    out, inner = list(text), False
    for i, ch in enumerate(text):
        if ch == "〈":
            inner = True
        elif ch == "〉":
            inner = False
        elif ch == "》" and inner:
            rest = text[i + 1:]
            close, reopen = rest.find("》"), rest.find("《")
            if close != -1 and (reopen == -1 or close < reopen):
                out[i] = "〉"
            inner = False
    return "".join(out)


def _quotes(text: str) -> str:
    """Quotation marks paired in order, the pairing restarted at each sentence end (so one mark OCR
    missed upsets one sentence only). A mark closed by 》 is a 《 misread; a ? inside open quotes and
    before more Chinese text is a ” misread; a full stop between Chinese characters is 。 outside
    quotes and a middle dot inside them (法治西湖·你我同行)."""
    text = re.sub(r'["“”]{2,}', lambda m: m.group(0)[0], text)   # one mark read twice
    out, opening = [], True
    for i, ch in enumerate(text):
        after = text[i + 1] if i + 1 < len(text) else ""
        between_cjk = bool(i and after and re.match(_CJK, text[i - 1]) and re.match(_CJK, after))
        if ch in '"“”':
            nxt = re.search(r'["“”《》。；！？]', text[i + 1:])
            if nxt and nxt.group(0) == "》":
                out.append("《")
                continue
            out.append("“" if opening else "”")
            opening = not opening
        elif ch in "?？" and not opening and after and re.match(r"[\u4e00-\u9fff]", after):
            out.append("”")
            opening = True
        elif ch == "." and between_cjk:
            out.append("。" if opening else "·")
        else:
            out.append(ch)
        if ch in "。；！？" or (ch == "." and opening):
            opening = True
    return "".join(out)
