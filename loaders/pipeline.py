"""One report file in, one `Extraction` out: read → normalise → segment → extractors."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from loaders.errors import LoadError
from loaders.extract import document, jurisdiction, meta, outcome, programme
from loaders.read import read, read_member
from loaders.records import Extraction, Member
from loaders.text import Text

__all__ = ["load_report", "extract_text", "MAX_CHARS"]

# Far above any real report (tens of thousands of characters); some extractors grow faster than
# linearly, so a 20 MB dump would hold a build for hours.
MAX_CHARS = 300_000


def load_report(path: str | Path | Member) -> Extraction:
    """Read and extract one report file, or one report (a `Member`) inside an archive.

    A member's source is its archived URL, and its capture date stands in for a published date
    the text does not give. Raises a `loaders.errors.LoadError` subclass naming the file when it
    cannot be read as a report.
    """
    member = path if isinstance(path, Member) else None
    raw = read_member(member) if member else read(path)
    if len(raw.text) > MAX_CHARS:
        raise LoadError(str(path), f"too long for one report ({len(raw.text):,} characters; the limit is "
                                   f"{MAX_CHARS:,}); split it into its reports")
    extraction = extract_text(member.url if member else str(path), raw.text, raw.encoding, raw.meta, raw.parts)
    return _captured(extraction, member.captured) if member and member.captured else extraction


def _captured(extraction: Extraction, captured: str) -> Extraction:
    """An archived page was published no later than it was captured: the capture date is the
    published date when the text gives none, and a later "published" date is a misreading."""
    if extraction.published and extraction.published <= captured:
        return extraction
    note = ("published date is the capture date (the text gives none)" if not extraction.published else
            f"published date {extraction.published} is after the capture date; the capture date is used")
    return replace(extraction, published=captured, warnings=extraction.warnings + (note,))


def extract_text(source: str, plain: str, encoding: str = "utf-8", page: dict | None = None,
                 parts: tuple = ()) -> Extraction:
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
    outcomes = outcome.extract(text, programs, place, info.year)
    warnings = list(info.warnings) + list((page or {}).get("warnings", ()))
    if place is None:
        warnings.append("no reporting jurisdiction found")
    elif jurisdiction.uncertainty(place):
        warnings.append(jurisdiction.uncertainty(place))
    if info.year is None:
        warnings.append("no report year found")
    return Extraction(source=source, encoding=encoding, text=plain, kind=info.kind, title=info.title,
                      jurisdiction=place, year=info.year, published=info.published,
                      programs=tuple(programs), documents=tuple(documents), outcomes=tuple(outcomes),
                      warnings=tuple(warnings), sentences=text.sentences, parts=tuple(parts))
