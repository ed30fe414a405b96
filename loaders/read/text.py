"""Plain-text (and Markdown) reader: decode only; the text is the report."""
from __future__ import annotations

from pathlib import Path

from loaders.read.encoding import decode_bytes

__all__ = ["read_text"]


def read_text(path: Path, data: bytes):
    """Decode a .txt/.md file into a `RawText` (repairs noted under meta["warnings"]).

    >>> read_text(Path("a.txt"), "浙江省".encode("gb18030")).encoding
    'gb18030'
    """
    from loaders.read import RawText
    text, encoding, warnings = decode_bytes(data, str(path))
    return RawText(text, encoding, {"warnings": list(warnings)} if warnings else {})
