"""File → plain text: pick a reader by suffix, decode, strip page chrome. `read(path) -> RawText`."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from loaders.errors import EmptyReport, LoadError, UnsupportedFormat

__all__ = ["RawText", "read", "READERS", "SUFFIXES"]


@dataclass(frozen=True)
class RawText:
    """Decoded text of one file, the encoding used, and what the reader saw beside the text."""

    text: str
    encoding: str
    meta: dict = field(default_factory=dict)


def _text_reader(path: Path, data: bytes) -> RawText:
    from loaders.read.text import read_text
    return read_text(path, data)


def _html_reader(path: Path, data: bytes) -> RawText:
    from loaders.read.html import read_html
    return read_html(path, data)


READERS = {".txt": _text_reader, ".md": _text_reader, ".text": _text_reader,
           ".html": _html_reader, ".htm": _html_reader, ".shtml": _html_reader}
SUFFIXES = tuple(READERS)
MAX_BYTES = 50 * 1024 * 1024


def read(path: str | Path) -> RawText:
    """Read one report file into text.

    Raises `UnsupportedFormat` for an unknown suffix, `LoadError` for an unreadable or oversized file,
    `DecodeError` for bytes that are not text, `EmptyReport` for a file with no report text.
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnsupportedFormat(path, f"unsupported file type {path.suffix or '(none)'!r}; "
                                      f"expected one of {', '.join(SUFFIXES)}")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise LoadError(path, f"file is larger than {MAX_BYTES // 2**20} MB")
        data = path.read_bytes()
    except IsADirectoryError:
        raise LoadError(path, "is a directory, not a file") from None
    except OSError as exc:
        raise LoadError(path, f"cannot read file ({exc.strerror or exc})") from None
    raw = reader(path, data)
    if not raw.text.strip():
        raise EmptyReport(path, "no report text in file (empty or white space only)")
    return raw
