"""Plain-text (and Markdown) reader: decode only; the text is the report."""
from __future__ import annotations

from pathlib import Path

from loaders.read.encoding import decode

__all__ = ["read_text"]


def read_text(path: Path, data: bytes):
    """Decode a .txt/.md file."""
    from loaders.read import RawText
    text, encoding = decode(data, str(path))
    return RawText(text, encoding, {})
