"""bytes → str: BOM, strict UTF-8, strict GB18030, then a statistical detector; names what it used.

Order matters (see PITFALLS): detectors misread GBK as Thai or Cyrillic, so the strict Chinese
decoders come first and the detector is the last resort.
"""
from __future__ import annotations

import codecs

from loaders.errors import DecodeError

__all__ = ["decode"]

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode report bytes, returning (text, encoding name).

    >>> decode("泽州县".encode("gb18030"))
    ('泽州县', 'gb18030')
    >>> decode(codecs.BOM_UTF8 + "阳泉".encode())
    ('阳泉', 'utf-8-sig')
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _check(data.decode(name), path), name
            except UnicodeDecodeError:
                raise DecodeError(path, f"starts with a {name} byte-order mark but is not valid {name}") from None
    if _looks_binary(data):
        raise DecodeError(path, "binary content (NUL bytes or a binary file signature), not text")
    for name in ("utf-8", "gb18030"):
        try:
            return _check(data.decode(name), path), name
        except UnicodeDecodeError:
            pass
    if _looks_utf16(data):
        try:
            return _check(data.decode("utf-16-le"), path), "utf-16-le"
        except UnicodeDecodeError:
            pass
    return _detect(data, path)


_SIGNATURES = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"\xd0\xcf\x11\xe0")


def _looks_binary(data: bytes) -> bool:
    if data.startswith(_SIGNATURES):
        return True
    head = data[:8192]
    return b"\x00" in head and not _looks_utf16(data)


def _looks_utf16(data: bytes) -> bool:
    head = data[:4096]
    if len(head) < 4:
        return False
    zeros_odd = head[1::2].count(0)
    return zeros_odd > len(head) // 4 and head[0::2].count(0) < len(head) // 16


def _check(text: str, path: str) -> str:
    bad = sum(1 for ch in text[:20000] if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    if bad > max(8, len(text[:20000]) // 100):
        raise DecodeError(path, "decodes to control characters: binary content, not text")
    return text


def _detect(data: bytes, path: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError(path, "not text in any supported encoding (UTF-8, UTF-16, GB18030…): "
                                "binary or truncated file")
    text = str(best)
    if sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") < len(text) // 10:
        raise DecodeError(path, f"not Chinese text (best guess {best.encoding}); binary or wrongly encoded file")
    return _check(text, path), best.encoding
