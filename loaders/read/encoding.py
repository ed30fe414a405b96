"""bytes → str: BOM, strict UTF-8, strict GB18030, UTF-16 without BOM, then a detector; names what it used.

Order matters (see PITFALLS): detectors misread GBK as Thai or Cyrillic, so the strict Chinese
decoders come first and the statistical detector (charset-normalizer) is the last resort.
"""
from __future__ import annotations

import codecs
from typing import NamedTuple

from loaders.errors import DecodeError

__all__ = ["decode", "decode_bytes", "Decoded"]


class Decoded(NamedTuple):
    """Decoded text, the codec name used, and notes about repairs (e.g. a cut final character)."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


# UTF-32 first: its LE mark begins with the UTF-16 LE mark.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_SIGNATURES = {b"\x89PNG": "PNG image", b"%PDF": "PDF document", b"PK\x03\x04": "ZIP/Office archive",
               b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image", b"\x7fELF": "executable",
               b"\xd0\xcf\x11\xe0": "old Office document", b"\x1f\x8b": "gzip archive",
               b"Rar!": "RAR archive", b"7z\xbc\xaf": "7z archive", b"{\\rtf": "RTF document"}


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode report bytes, returning (text, encoding name).

    Raises `DecodeError` naming `path` when the bytes are not text.

    >>> decode("泽州县".encode("gb18030"))
    ('泽州县', 'gb18030')
    >>> decode(codecs.BOM_UTF8 + "阳泉".encode())
    ('阳泉', 'utf-8-sig')
    """
    text, encoding, _ = decode_bytes(data, path)
    return text, encoding


def decode_bytes(data: bytes, path: str = "<bytes>") -> Decoded:
    """Decode report bytes, returning a `Decoded` (text, encoding, warnings).

    A valid UTF-8 file whose last character was cut off still loads, without the broken tail.

    >>> decode_bytes("西湖区".encode()[:-1])
    Decoded(text='西湖', encoding='utf-8', warnings=('incomplete last character dropped',))
    >>> decode_bytes("区县".encode("utf-16-le")).encoding
    'utf-16-le'
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data[len(bom):], name, path, "after its byte-order mark"), name)
    kind = next((what for sig, what in _SIGNATURES.items() if data.startswith(sig)), None)
    if kind:
        raise DecodeError(path, f"binary content ({kind}), not a text report")
    if b"\x00" in data:
        return _nul_bytes(data, path)
    try:
        return Decoded(_check(data.decode("utf-8"), path), "utf-8")
    except UnicodeDecodeError as exc:
        if _cut_tail(exc, data):
            text = _check(data[:exc.start].decode("utf-8"), path)
            return Decoded(text, "utf-8", ("incomplete last character dropped",))
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return _utf16_without_bom(data) or _detect(data, path)
    # UTF-16 Chinese without NULs also "decodes" as GB18030, into ASCII-punctuation soup.
    if _cjk_share(text) < 0.5:
        utf16 = _utf16_without_bom(data)
        if utf16 and _cjk_share(utf16.text) > _cjk_share(text):
            return utf16
    return Decoded(_check(text, path), "gb18030")


def _strict(data: bytes, name: str, path: str, where: str) -> str:
    try:
        return _check(data.decode(name), path)
    except UnicodeDecodeError:
        raise DecodeError(path, f"not valid {name} {where}") from None


def _cut_tail(exc: UnicodeDecodeError, data: bytes) -> bool:
    """True when the only UTF-8 error is a multi-byte character cut short at the very end."""
    return exc.reason == "unexpected end of data" and len(data) - exc.start < 4 and exc.start > 0


def _nul_bytes(data: bytes, path: str) -> Decoded:
    decoded = _utf16_without_bom(data)
    if decoded is None:
        raise DecodeError(path, "contains NUL bytes: binary content, not a text report")
    return decoded


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a byte-order mark: NUL bytes all on one side, or mostly CJK when decoded."""
    if len(data) < 4 or len(data) % 2:
        return None
    head = data[:8192]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    candidates = ["utf-16-le", "utf-16-be"] if odd >= even else ["utf-16-be", "utf-16-le"]
    for name in candidates:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text) and (max(even, odd) > 0 or _cjk_share(text) > 0.6):
            return Decoded(text, name)
    return None


def _mostly_text(text: str) -> bool:
    sample = text[:20000]
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\t\n\r\f\v")
    return bool(sample) and good >= len(sample) * 0.97 and _cjk_share(sample) > 0.2


def _cjk_share(text: str) -> float:
    sample = text[:20000]
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
              or "\uff00" <= ch <= "\uffef")
    return cjk / max(1, len(sample.strip()) or 1)


def _check(text: str, path: str) -> str:
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    if bad > 2 + len(sample) // 100:
        raise DecodeError(path, "decodes to control characters: binary content, not text")
    return text


def _detect(data: bytes, path: str) -> Decoded:
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError(path, "not text in any supported encoding (UTF-8, GB18030, UTF-16…): "
                                "binary or corrupted file")
    text, name = str(best), codecs.lookup(best.encoding).name
    if _cjk_share(text) < 0.1 or not _mostly_text(text):
        raise DecodeError(path, f"not Chinese text (best guess {best.encoding}): binary or wrongly "
                                f"encoded file")
    return Decoded(_check(text, path), name)
