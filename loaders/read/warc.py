"""WARC archives (warcio): every successful HTML, PDF, Word or OFD response in a crawl is one report.

`list_members` walks the archive once and names each report by its record's offset, URL, capture
date and the reader its type needs; `member_bytes` seeks to one record and returns its payload with
the HTTP transfer and content encodings undone. A truncated archive keeps the reports before the cut
and says where it broke.
"""
from __future__ import annotations

import re
from pathlib import Path

from loaders.errors import LoadError
from loaders.records import Member

__all__ = ["list_members", "member_bytes", "kind_of"]

_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf",
          "application/x-pdf": ".pdf", "application/msword": ".doc", "application/vnd.ms-word": ".doc",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
          "application/ofd": ".ofd", "application/vnd.ofd": ".ofd", "application/kswps": ".wps",
          "application/vnd.ms-works": ".wps"}
_URL_SUFFIX = re.compile(r"\.(pdf|docx|doc|wps|ofd|html?|shtml)$", re.I)
_MAGIC = ((b"%PDF", ".pdf"), (b"\xd0\xcf\x11\xe0", ".doc"))


def kind_of(url: str, content_type: str | None, head: bytes = b"") -> str | None:
    """The reader suffix for a response, from its Content-Type, its URL's suffix, or its first bytes.

    >>> kind_of("http://x.gov.cn/a.html", "text/html; charset=gbk"), kind_of("http://x.gov.cn/f?id=3.pdf", "application/octet-stream")
    ('.html', '.pdf')
    >>> kind_of("http://x.gov.cn/logo.png", "image/png") is None
    True
    """
    media = (content_type or "").split(";")[0].strip().lower()
    if media in _TYPES:
        return _TYPES[media]
    path = url.split("#")[0].split("?")[0]
    for candidate in (path, url.split("#")[0]):
        m = _URL_SUFFIX.search(candidate)
        if m:
            kind = "." + m.group(1).lower()
            return ".html" if kind in (".htm", ".shtml") else kind
    if media in ("", "application/octet-stream", "application/download", "application/force-download"):
        return next((kind for magic, kind in _MAGIC if head.startswith(magic)), None)
    return None


def _iterator(path: Path, stream):
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise LoadError(path, "reading WARC needs the warcio package (pip install warcio)") from None
    return ArchiveIterator(stream)


def list_members(path: Path) -> tuple[list[Member], str | None]:
    """The reports in a WARC, in archive order, and a one-line problem (truncation) or None."""
    found: list[Member] = []
    problem, end, records = None, 0, 0
    with open(path, "rb") as stream:
        iterator = _iterator(path, stream)
        try:
            for record in iterator:
                member, head = _member(record)
                body = head + _drain(record)
                offset = iterator.get_record_offset()
                end = offset + iterator.get_record_length()
                records += 1
                if member is None:
                    continue
                expected = record.http_headers.get_header("Content-Length") if record.http_headers else None
                if expected and expected.isdigit() and body < int(expected):
                    problem = f"archive is truncated: the record of {member[0]} is cut short"
                    break
                found.append(Member(str(path), offset, *member))
        except Exception as exc:  # warcio raises its own, zlib's and EOF errors for a damaged archive
            problem = f"archive is damaged or truncated after {records} records ({type(exc).__name__})"
        size = path.stat().st_size
        stream.seek(end)
        tail = stream.read(64)
    if problem is None and end < size and tail.strip(b"\r\n"):   # an uncompressed record ends in CRLF CRLF
        problem = f"archive is truncated or damaged after {records} records (byte {end:,} of {size:,})"
    if records == 0 and problem:
        raise LoadError(path, "not a WARC archive, or damaged at its start")
    return found, problem


def _member(record) -> tuple[tuple | None, int]:
    """(url, captured, suffix, record id) for a report-like response, or None; and bytes read."""
    if record.rec_type not in ("response", "resource"):
        return None, 0
    if record.http_headers is not None and record.rec_type == "response":
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None, 0
        content_type = record.http_headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    head = record.raw_stream.read(8) if not content_type or "octet" in content_type else b""
    kind = kind_of(url, content_type, head)
    if kind is None:
        return None, len(head)
    date = record.rec_headers.get_header("WARC-Date") or ""
    captured = date[:10] if re.match(r"\d{4}-\d\d-\d\d", date) else None
    return (url, captured, kind, record.rec_headers.get_header("WARC-Record-ID") or f"{url} {date}"), len(head)


def _drain(record) -> int:
    total = 0
    while True:
        chunk = record.raw_stream.read(1 << 16)
        if not chunk:
            return total
        total += len(chunk)


def member_bytes(member: Member, limit: int) -> bytes:
    """The decoded payload of one member (chunked transfer and gzip content encoding undone)."""
    path = Path(member.archive)
    label = str(member)
    try:
        with open(path, "rb") as stream:
            stream.seek(member.offset)
            record = next(iter(_iterator(path, stream)), None)
            if record is None or (record.rec_headers.get_header("WARC-Target-URI") or "") != member.url:
                raise LoadError(label, "the archive changed since it was listed; build again")
            data = record.content_stream().read(limit + 1)
    except OSError as exc:
        raise LoadError(label, f"cannot read the archive ({exc.strerror or exc})") from None
    except LoadError:
        raise
    except Exception as exc:
        raise LoadError(label, f"damaged record in the archive ({type(exc).__name__})") from None
    if len(data) > limit:
        raise LoadError(label, f"archived file is larger than {limit // 2**20} MB")
    return data
