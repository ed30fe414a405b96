"""The one place IRIs are minted: stable hashes of normalised keys (scheme in ontology/govkg.ttl).

Programmes by canonical name, jurisdictions by GB/T 2260 code (or parent + name), documents by
normalised title (+ place for local ones), reports by resolved path, facts by report + what + span.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

__all__ = ["BASE", "key", "digest", "place", "programme", "document", "report", "node",
           "PROGRAMME_SCHEME"]

BASE = "https://w3id.org/govkg/id/"
PROGRAMME_SCHEME = "https://w3id.org/govkg/ontology#Programmes"

_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2500\u2501\uFE58\uFE63\uFF0D~～]+")
_OPEN = re.compile(r"[(（〔［\[【〖]")
_CLOSE = re.compile(r"[)）〕］\]】〗]")
_QUOTES = re.compile(r"[\"“”'‘’「」『』]")
_SPACE = re.compile(r"\s+")
_ADCODE = re.compile(r"^\d{6}$")


def key(text: str) -> str:
    """The identity form of a name: NFKC, one dash, one bracket pair, no quotes, no white space.

    >>> key("法治政府建设实施纲要（2021—2025年）") == key("法治政府建设实施纲要(2021-2025年)")
    True
    >>> key(" 企业 安静期 ")
    '企业安静期'
    """
    text = unicodedata.normalize("NFKC", text)
    text = _DASHES.sub("-", text)
    text = _OPEN.sub("(", _CLOSE.sub(")", text))
    text = _QUOTES.sub("", text)
    return _SPACE.sub("", text).casefold()


def digest(*parts: object) -> str:
    """A short stable hash of the parts (16 hex digits).

    >>> digest("a", 1) == digest("a", 1) != digest("a1")
    True
    """
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def place(name: str, adcode: str | None = None, parent: str | None = None) -> str:
    """A jurisdiction: by its six-digit code, else by its parent's code (or name) and its name.

    >>> place("城区", "140302")
    'https://w3id.org/govkg/id/place/140302'
    >>> place("太原经济技术开发区", None, "140100") == place("太原经济技术开发区", None, "140100")
    True
    >>> place("太原经济技术开发区", None, "140100").startswith(BASE + "place/x-")
    True
    """
    if adcode and _ADCODE.match(adcode):
        return f"{BASE}place/{adcode}"
    return f"{BASE}place/x-{digest(key(parent or ''), key(name))}"


def programme(name: str) -> str:
    """A programme by its canonical name (spelling variants of dashes, quotes and spaces agree).

    >>> programme("企业安静期") == programme("“企业安静期”")
    True
    """
    return f"{BASE}programme/{digest(key(name))}"


def document(title: str, national: bool = False, place_key: str | None = None) -> str:
    """A document: national ones by title alone, local ones by title and issuing/reporting place.

    >>> document("行政处罚法", True) == document("行政处罚法", True, "140000")
    True
    >>> document("工作方案", False, "140100") != document("工作方案", False, "140200")
    True
    """
    if national:
        return f"{BASE}document/{digest(key(title))}"
    return f"{BASE}document/{digest(key(place_key or ''), key(title))}"


def report(path: str | Path) -> str:
    """A report by its resolved path; this is also the name of its graph.

    >>> report("a.txt") == report("./a.txt")
    True
    """
    return f"{BASE}report/{digest(str(Path(path).resolve()))}"


def node(kind: str, report_iri: str, *parts: object) -> str:
    """A fact of a report (adoption, outcome, citation, evidence): report + what + span.

    >>> node("evidence", "r", 0, 10).startswith(BASE + "evidence/")
    True
    """
    if kind not in ("adoption", "outcome", "citation", "evidence"):
        raise ValueError(f"unknown node kind {kind!r}")
    return f"{BASE}{kind}/{digest(report_iri, *parts)}"
