"""One report file in, one `Extraction` out: read → normalise → segment → extractors."""
from __future__ import annotations

from pathlib import Path

from loaders.extract import document, jurisdiction, meta, outcome, programme
from loaders.read import read
from loaders.records import Extraction
from loaders.text import Text

__all__ = ["load_report", "extract_text"]


def load_report(path: str | Path) -> Extraction:
    """Read and extract one report file.

    Raises a `loaders.errors.LoadError` subclass naming the file when it cannot be read as a report.
    """
    raw = read(path)
    return extract_text(str(path), raw.text, raw.encoding, raw.meta)


def extract_text(source: str, plain: str, encoding: str = "utf-8", page: dict | None = None) -> Extraction:
    """Run every extractor over an already decoded report text.

    >>> x = extract_text("ex.txt", "泽州县2024年法治政府建设情况报告\\n全县推行“企业安静期”制度。")
    >>> x.jurisdiction.name, x.year
    ('泽州县', 2024)
    """
    text = Text.make(source, plain, encoding, page)
    info = meta.extract(text)
    place = jurisdiction.extract(text, info.title)
    programs = programme.extract(text, place)
    documents = document.extract(text, place)
    outcomes = outcome.extract(text, programs, place)
    warnings = list(info.warnings) + list((page or {}).get("warnings", ()))
    if place is None:
        warnings.append("no reporting jurisdiction found")
    if info.year is None:
        warnings.append("no report year found")
    return Extraction(source=source, encoding=encoding, text=plain, kind=info.kind, title=info.title,
                      jurisdiction=place, year=info.year, published=info.published,
                      programs=tuple(programs), documents=tuple(documents), outcomes=tuple(outcomes),
                      warnings=tuple(warnings), sentences=text.sentences)
