"""File → plain text: pick a reader by suffix, decode, strip page chrome. `read(path) -> RawText`."""
from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from loaders.errors import EmptyReport, LoadError, UnsupportedFormat
from loaders.read.encoding import refuse_binary

__all__ = ["RawText", "read", "READERS", "SUFFIXES", "MAX_BYTES"]


@dataclass(frozen=True)
class RawText:
    """Decoded text of one file, the encoding used, and what the reader saw beside the text.

    `meta` may hold "title" and "published" (from an HTML page's head) and "warnings" (repairs made
    while decoding, such as a cut final character).
    """

    text: str
    encoding: str
    meta: dict = field(default_factory=dict)


def _text_reader(path: Path, data: bytes) -> RawText:
    from loaders.read.text import read_text
    return read_text(path, data)


def _markdown_reader(path: Path, data: bytes) -> RawText:
    from loaders.read.markdown import read_markdown
    return read_markdown(path, data)


def _html_reader(path: Path, data: bytes) -> RawText:
    from loaders.read.html import read_html
    return read_html(path, data)


READERS = {".txt": _text_reader, ".md": _markdown_reader, ".markdown": _markdown_reader, ".text": _text_reader,
           ".html": _html_reader, ".htm": _html_reader, ".shtml": _html_reader}
SUFFIXES = tuple(READERS)
MAX_BYTES = 50 * 1024 * 1024


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
    data = _read_bytes(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnsupportedFormat(path, f"unsupported file type {path.suffix or '(no suffix)'!r}; "
                                      f"expected one of {', '.join(SUFFIXES)}")
    if not data.strip():
        raise EmptyReport(path, "file is empty" if not data else "file holds only white space")
    refuse_binary(data, str(path))  # a PDF named .html is a PDF, whichever reader its name picks
    raw = reader(path, data)
    if not raw.text.strip():
        what = "no article text after removing page chrome" if reader is _html_reader else \
            "no report text (white space only)"
        raise EmptyReport(path, what)
    return raw


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise LoadError(path, "is a directory, not a report file")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # reading a FIFO would block for ever
            raise LoadError(path, "not a regular file (a FIFO, socket or device)")
        if info.st_size > MAX_BYTES:
            raise LoadError(path, f"file is larger than {MAX_BYTES // 2**20} MB; split it or trim it")
        return path.read_bytes()
    except PermissionError:
        raise LoadError(path, "permission denied: cannot read file") from None
    except OSError as exc:
        raise LoadError(path, f"cannot read file ({exc.strerror or exc})") from None
