"""Reader benchmark: one row per reader, the CPU to read a report in that format against the CPU to
extract its text (the issue's target: reading a text-layer PDF or a Word file costs less than
extracting), and the OCR rate in pages per minute.

The reports are the bundled examples and our own test report, rendered by `bench.render` into each
format (the fonts and libraries real files are made with). CPU time is the process's plus its
children's (antiword, tesseract), measured in one run, so the machine's other load matters little.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from bench import render
from bench.report import Row, fmt_seconds, na, verdict

__all__ = ["rows", "corpus_texts"]

_ROOT = Path(__file__).resolve().parents[1]
_FORMATS = {"pdf": render.to_pdf, "docx": render.to_docx, "ofd": render.to_ofd}


def corpus_texts() -> dict[str, str]:
    """Report texts to render: the bundled examples and the reader tests' own report."""
    texts = {}
    for path in sorted((_ROOT / "kg" / "examples").glob("*.txt")) + [_ROOT / "tests" / "data" / "formats" / "qingchuan-2024.txt"]:
        data = path.read_bytes()
        texts[path.stem] = (data.decode("gb18030") if "gb18030" in path.name else data.decode("utf-8")).replace("\r\n", "\n")
    return texts


def _cpu() -> float:
    """This process's CPU seconds (fine-grained) plus its finished children's (antiword, tesseract)."""
    t = os.times()
    return time.process_time() + t.children_user + t.children_system


def _per_file(fn, files: list[Path], repeat: int) -> float:
    started = _cpu()
    for _ in range(repeat):
        for path in files:
            fn(path)
    return (_cpu() - started) / (repeat * len(files))


def rows(workdir: Path, quick: bool = False) -> list[Row]:
    """Every reader's row (and the OCR rate); a reader whose tools are missing gets an n/a row."""
    from loaders import extract_text
    from loaders.read import members, read, read_member
    texts = corpus_texts()
    if quick:
        texts = dict(list(texts.items())[:2])
    folder = workdir / "readers"
    folder.mkdir(parents=True, exist_ok=True)
    repeat = 1 if quick else 5
    raws = {name: read(_write_txt(folder, name, text)) for name, text in texts.items()}
    extract = _per_file(lambda p: extract_text(p.stem, raws[p.stem].text), [folder / f"{n}.txt" for n in texts], repeat)
    out = [Row("extract text (reference for the readers)", len(texts), fmt_seconds(extract) + " CPU / report")]
    out.append(_row("read .txt", [folder / f"{n}.txt" for n in texts], read, repeat, extract, None))
    if render.cjk_font() is None:
        return out + [na(f"read .{fmt}", len(texts), "no CJK font to render with") for fmt in _FORMATS]
    for fmt, make in _FORMATS.items():
        files = [make(text, folder / f"{name}.{fmt}") for name, text in texts.items()]
        target = fmt in ("pdf", "docx")
        out.append(_row(f"read .{fmt}" + (" (text layer)" if fmt == "pdf" else ""), files, read, repeat, extract, target))
    out.append(_doc_row(folder, texts, read, repeat, extract))
    out.append(_warc_row(folder, texts, members, read_member, repeat, extract))
    out += _ocr_row(folder, texts, read, quick)
    return out


def _write_txt(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _row(metric: str, files: list[Path], fn, repeat: int, extract: float, target: bool | None) -> Row:
    cost = _per_file(fn, files, repeat)
    ratio = cost / extract if extract else 0.0
    return Row(metric, len(files), fmt_seconds(cost) + " CPU / report", fmt_seconds(extract) + " extract",
               f"{ratio:.2f}×", "< 1× extract" if target else "", verdict(ratio < 1 if target else None))


def _doc_row(folder: Path, texts: dict[str, str], read, repeat: int, extract: float) -> Row:
    if not shutil.which("antiword"):
        return na("read .doc (antiword)", len(texts), "antiword is not installed", "< 1× extract")
    if render.soffice():
        files = [render.to_doc(text, folder / f"{name}.doc") for name, text in texts.items()]
    else:  # the committed fixture, made by LibreOffice from our own text
        files = [_ROOT / "tests" / "data" / "formats" / "qingchuan-2024.doc"]
    return _row("read .doc (antiword)", files, read, repeat, extract, True)


def _warc_row(folder: Path, texts: dict[str, str], members, read_member, repeat: int, extract: float) -> Row:
    records = [(f"http://www.example.gov.cn/{name}.pdf", "application/pdf", (folder / f"{name}.pdf").read_bytes(),
                "2025-03-01") for name in texts]
    archive = render.to_warc(records, folder / "crawl.warc.gz")
    started = _cpu()
    for _ in range(repeat):
        for member in members(archive)[0]:
            read_member(member)
    cost = (_cpu() - started) / (repeat * len(records))
    return Row("read .warc.gz (list + read each PDF inside)", len(records), fmt_seconds(cost) + " CPU / report",
               fmt_seconds(extract) + " extract", f"{cost / extract:.2f}×" if extract else "")


def _ocr_row(folder: Path, texts: dict[str, str], read, quick: bool) -> list[Row]:
    """The OCR rate, and how many of the .txt original's programmes and documents OCR still finds."""
    from loaders import extract_text
    from loaders.read.ocr import available
    metric = "OCR of scanned pages (Tesseract chi_sim, 300 dpi)"
    if available() is None:
        return [na(metric, 0, "tesseract with chi_sim is not installed"),
                na("OCR recall of the .txt's programmes / documents", 0, "tesseract with chi_sim is not installed")]
    chosen = dict(list(texts.items())[:1 if quick else 3])
    files = {name: render.to_scanned_pdf(text, folder / f"{name}.scan.pdf") for name, text in chosen.items()}
    pages, found, wanted = 0, [0, 0], [0, 0]
    started, wall = _cpu(), time.perf_counter()
    raws = {name: read(path) for name, path in files.items()}
    cpu, wall = _cpu() - started, time.perf_counter() - wall
    for name, raw in raws.items():
        pages += raw.meta.get("ocr_pages", 0)
        got, want = extract_text(name, raw.text), extract_text(name, chosen[name])
        for k, kind in enumerate((lambda x: {p.name for p in x.programs}, lambda x: {d.title for d in x.documents})):
            found[k] += len(kind(want) & kind(got))
            wanted[k] += len(kind(want))
    recall = [f / max(w, 1) for f, w in zip(found, wanted)]
    return [Row(metric, len(files), f"{pages / cpu * 60:.1f} pages/min per core ({pages} pages)",
                f"wall {pages / wall * 60:.1f} pages/min"),
            Row("OCR recall of the .txt's programmes / documents", len(files),
                f"{found[0]}/{wanted[0]} / {found[1]}/{wanted[1]}", "", f"{recall[0]:.2f} / {recall[1]:.2f}",
                "≥ 0.90 / ≥ 0.90", verdict(min(recall) >= 0.9))]
