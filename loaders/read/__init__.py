"""File → plain text: pick a reader by suffix, decode, strip page chrome. `read(path) -> RawText`.

An archive (a WARC of crawled pages) holds several reports: `members(path)` lists them and
`read_member(member)` reads one, through the same readers as a file of its type.
"""
from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from loaders.errors import EmptyReport, LoadError, UnsupportedFormat
from loaders.read.encoding import refuse_binary
from loaders.records import Part

__all__ = ["RawText", "read", "read_member", "members", "suffix", "supported", "is_archive",
           "READERS", "ARCHIVES", "SUFFIXES", "MAX_BYTES"]


@dataclass(frozen=True)
class RawText:
    """Decoded text of one file, the encoding used, and what the reader saw beside the text.

    `meta` may hold "title" and "published" (from an HTML page's head) and "warnings" (repairs made
    while decoding, such as a cut final character, or that the text came from OCR). `parts` says where
    each stretch of the text came from in a paged or Word file (see `loaders.records.Part`).
    """

    text: str
    encoding: str
    meta: dict = field(default_factory=dict)
    parts: tuple[Part, ...] = ()


def _lazy(module: str, name: str):
    """A reader that imports its module on first use (PDF and OCR libraries stay out of start-up)."""
    def reader(path: Path, data: bytes) -> RawText:
        from importlib import import_module
        return getattr(import_module(f"loaders.read.{module}"), name)(path, data)
    reader.__name__ = f"read_{module}"
    return reader


_text_reader, _markdown_reader = _lazy("text", "read_text"), _lazy("markdown", "read_markdown")
_html_reader, _pdf_reader = _lazy("html", "read_html"), _lazy("pdf", "read_pdf")
_docx_reader, _doc_reader, _ofd_reader = (_lazy("docx", "read_docx"), _lazy("doc", "read_doc"),
                                          _lazy("ofd", "read_ofd"))

READERS = {".txt": _text_reader, ".md": _markdown_reader, ".markdown": _markdown_reader, ".text": _text_reader,
           ".html": _html_reader, ".htm": _html_reader, ".shtml": _html_reader,
           ".pdf": _pdf_reader, ".docx": _docx_reader, ".doc": _doc_reader, ".wps": _doc_reader,
           ".ofd": _ofd_reader}
ARCHIVES = (".warc", ".warc.gz")
BINARY = (".pdf", ".docx", ".doc", ".wps", ".ofd")
SUFFIXES = tuple(READERS) + ARCHIVES
MAX_BYTES = 50 * 1024 * 1024            # a text or HTML file
MAX_BINARY_BYTES = 200 * 1024 * 1024    # a PDF of scanned pages, a Word file with pictures
MAX_ARCHIVE_BYTES = 4 * 1024 ** 3


def suffix(path: str | Path) -> str:
    """The suffix that picks the reader, lower case; two parts for a compressed archive.

    >>> suffix("crawl/2024.WARC.GZ"), suffix("报告.PDF"), suffix("notes.txt.gz")
    ('.warc.gz', '.pdf', '.gz')
    """
    name = Path(path).name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else Path(name).suffix


def supported(path: str | Path) -> bool:
    """True for a file some reader (or the archive reader) handles.

    >>> supported("a.ofd"), supported("a.warc.gz"), supported("a.xls")
    (True, True, False)
    """
    return suffix(path) in SUFFIXES


def is_archive(path: str | Path) -> bool:
    """True for a file holding several reports (a WARC).

    >>> is_archive("crawl.warc"), is_archive("r.pdf")
    (True, False)
    """
    return suffix(path) in ARCHIVES


def members(path: str | Path):
    """The reports inside an archive, and a one-line problem (a truncated archive) or None.

    Raises `LoadError` naming the file when it cannot be read as an archive at all.
    """
    from loaders.read.warc import list_members
    path = Path(path)
    _check_file(path, MAX_ARCHIVE_BYTES)
    return list_members(path)


def read_member(member) -> RawText:
    """Read one report (a `loaders.records.Member`) out of its archive, with the reader of its type."""
    from loaders.read.warc import member_bytes
    path = str(member)      # "archive [URL]" for messages; a Path would fold the URL's "//"
    data = member_bytes(member, MAX_BINARY_BYTES)
    kind = ".pdf" if data.lstrip()[:5] == b"%PDF-" else member.suffix   # served as HTML, but a PDF
    reader = READERS.get(kind) or _html_reader
    if kind not in BINARY:
        refuse_binary(data, path)
    return _checked(path, reader(path, data), reader, data)


def read(path: str | Path) -> RawText:
    """Read one report file into text.

    Raises `UnsupportedFormat` for an unknown suffix, `LoadError` for a missing, unreadable, oversized
    file or a directory, `DecodeError` for bytes that are not text, `EmptyReport` for a file with no
    report text. Every message starts with the path.

    >>> read("no/such/report.txt")
    Traceback (most recent call last):
    ...
    loaders.errors.LoadError: no/such/report.txt: cannot read file (No such file or directory)
    """
    path = Path(path)
    kind = suffix(path)
    if kind in ARCHIVES:
        _check_file(path, MAX_ARCHIVE_BYTES)
        raise UnsupportedFormat(path, "an archive holds several reports: read them with members() and read_member()")
    data = _read_bytes(path, MAX_BINARY_BYTES if kind in BINARY else MAX_BYTES)
    reader = READERS.get(kind)
    if reader is None:
        raise UnsupportedFormat(path, f"unsupported file type {path.suffix or '(no suffix)'!r}; "
                                      f"expected one of {', '.join(SUFFIXES)}")
    if not data.strip():
        raise EmptyReport(path, "file is empty" if not data else "file holds only white space")
    if kind not in BINARY:
        refuse_binary(data, str(path))  # a PDF named .html is a PDF, whichever text reader its name picks
    return _checked(path, reader(path, data), reader, data)


def _checked(path: Path | str, raw: RawText, reader, data: bytes) -> RawText:
    if not raw.text.strip():
        if reader is _html_reader:
            what = "no article text after removing page chrome"
        elif reader in (_text_reader, _markdown_reader):
            what = "no report text (white space only)"
        else:
            what = "no report text in the document (blank pages or only pictures)"
        raise EmptyReport(path, what)
    return raw


def _check_file(path: Path, limit: int) -> None:
    try:
        if path.is_dir():
            raise LoadError(path, "is a directory, not a report file")
        info = path.stat()
    except PermissionError:
        raise LoadError(path, "permission denied: cannot read file") from None
    except OSError as exc:
        raise LoadError(path, f"cannot read file ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):  # reading a FIFO would block for ever
        raise LoadError(path, "not a regular file (a FIFO, socket or device)")
    if info.st_size > limit:
        raise LoadError(path, f"file is larger than {limit // 2**20} MB; split it or trim it")


def _read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    _check_file(path, limit)
    try:
        return path.read_bytes()
    except PermissionError:
        raise LoadError(path, "permission denied: cannot read file") from None
    except OSError as exc:
        raise LoadError(path, f"cannot read file ({exc.strerror or exc})") from None
