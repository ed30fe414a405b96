"""bytes → str: BOM, strict UTF-8, strict GB18030, UTF-16 without BOM, then a detector; names what it used.

Order matters (see PITFALLS): detectors misread GBK as Thai or Cyrillic, so the strict Chinese
decoders come first and the statistical detector (charset-normalizer) is the last resort.
"""
from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from loaders.errors import DecodeError

__all__ = ["decode", "decode_bytes", "Decoded", "blank_controls", "refuse_binary"]


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
            text, warnings = _wide(data[len(bom):], name, path)
            return Decoded(text, name, warnings)
    refuse_binary(data, path)
    if b"\x00" in data:
        return _nul_bytes(data, path)
    try:
        text = data.decode("utf-8")
        if not _short_gbk(data, text):
            return Decoded(_check(text, path), "utf-8")
    except UnicodeDecodeError as exc:
        if _cut_tail(exc, data) and not _short_gbk(data, data[:exc.start].decode("utf-8"), cut=True):
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
        _refuse_western(text, path)
    return Decoded(_check(text, path), "gb18030")


def refuse_binary(data: bytes, path: str = "<bytes>") -> None:
    """Raise `DecodeError` when the bytes open with a binary format's signature (PDF, ZIP, PNG…),
    whatever the file's name says: an ASCII-only PDF named .html is still a PDF.

    >>> refuse_binary(b"%PDF-1.4 ascii only", "r.html")
    Traceback (most recent call last):
    ...
    loaders.errors.DecodeError: r.html: binary content (PDF document), not a text report
    """
    head = data[:64].lstrip(b" \t\r\n")
    kind = next((what for sig, what in _SIGNATURES.items() if head.startswith(sig)), None)
    if kind:
        raise DecodeError(path, f"binary content ({kind}), not a text report")


def _wide(data: bytes, name: str, path: str) -> tuple[str, tuple[str, ...]]:
    """UTF-16/32 after a byte-order mark; a last character cut short is dropped with a warning."""
    unit = 4 if "32" in name else (2 if "16" in name else 1)
    for cut in sorted({0, len(data) % unit, len(data) % unit + unit}) if unit > 1 else (0,):
        try:
            text = _check((data[:len(data) - cut] if cut else data).decode(name), path)
            return text, (("incomplete last character dropped",) if cut else ())
        except UnicodeDecodeError:
            continue
    raise DecodeError(path, f"not valid {name} after its byte-order mark")


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
    if decoded is None and len(data) % 2:  # UTF-16 whose last byte was cut off
        decoded = _utf16_without_bom(data[:-1])
        if decoded is not None:
            decoded = decoded._replace(warnings=("incomplete last character dropped",))
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
            return Decoded(blank_controls(text), name)     # as every other path: controls become spaces
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


# log-probability of one non-ASCII character of Chinese text, by class: GB2312 level 1 holds the
# 3,755 most frequent hanzi (about 99.5 % of running text), level 2 the next 3,008 (about 0.4 %)
_LOG_P = {"punct": -7.0, "level1": -8.3, "level2": -13.5, "other": -18.4}


def _likelihood(text: str) -> float:
    """Log-likelihood of `text`'s non-ASCII characters as Chinese: a misreading scores far lower
    (rare characters, and more of them), so the better of two readings of the same bytes wins."""
    total = 0.0
    for ch in text:
        if ord(ch) < 0x80:
            continue
        if "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef":
            total += _LOG_P["punct"]
            continue
        try:
            lead = ch.encode("gb2312")[0]
        except UnicodeEncodeError:
            lead = 0
        total += _LOG_P["level1" if 0xB0 <= lead <= 0xD7 else "level2" if 0xD8 <= lead <= 0xF7 else "other"]
    return total


_SHORT_NON_ASCII = 24  # bytes: above this, GBK that is also valid UTF-8 does not happen


def _short_gbk(data: bytes, utf8: str, cut: bool = False) -> bool:
    """True when a short file that is valid UTF-8 reads better as GB18030 (a GBK file of a few
    characters can happen to be valid UTF-8, or UTF-8 with a cut last character, `cut`); longer
    valid UTF-8 is always taken as UTF-8.

    >>> _short_gbk("掳".encode("gbk"), "掳".encode("gbk").decode("utf-8"))   # GBK C2 B0 is UTF-8 for °
    True
    >>> _short_gbk("区县".encode(), "区县")
    False
    """
    if sum(1 for b in data if b >= 0x80) > _SHORT_NON_ASCII:
        return False
    try:
        gbk = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return _likelihood(gbk) > _likelihood(utf8) + (_LOG_P["other"] if cut else 0.0)


def _refuse_western(text: str, path: str) -> None:
    """Latin-1/Windows-1252 text (accented letters among ASCII words) also decodes as GB18030, into
    rare characters: refuse it rather than store mojibake.

    >>> _refuse_western(b"Stra\\xdfe M\\xfcnchen \\xfcber Gr\\xf6\\xdfe".decode("gb18030"), "w.txt")
    Traceback (most recent call last):
    ...
    loaders.errors.DecodeError: w.txt: not Chinese text: looks like Western European text (Latin-1/Windows-1252); save it as UTF-8
    """
    chars = sum(1 for ch in text if ord(ch) >= 0x80)
    if _cjk_share(text) < 0.3 and chars and _likelihood(text) / chars < _LOG_P["level2"]:
        raise DecodeError(path, "not Chinese text: looks like Western European text (Latin-1/Windows-1252); "
                                "save it as UTF-8")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _check(text: str, path: str) -> str:
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    if bad > 2 + len(sample) // 100:
        raise DecodeError(path, "decodes to control characters: binary content, not text")
    return blank_controls(text)


def blank_controls(text: str) -> str:
    """Control characters (escape sequences, bells…) become spaces: same length, so offsets hold.

    >>> blank_controls("接诉\x1b[2J即办")
    '接诉 [2J即办'
    """
    return _CONTROL.sub(" ", text)


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
