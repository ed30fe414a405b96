"""The one place IRIs are minted: stable hashes of normalised keys (scheme in ontology/govkg.ttl).

Programmes by canonical name, jurisdictions by GB/T 2260 code (or parent + name), documents by
normalised title (+ place for local ones), reports by resolved path, facts by report + what + span.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

__all__ = ["BASE", "key", "display_title", "digest", "place", "programme", "programme_label", "document", "report", "node",
           "PROGRAMME_SCHEME"]

BASE = "https://w3id.org/govkg/id/"
PROGRAMME_SCHEME = "https://w3id.org/govkg/ontology#Programmes"

_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2500\u2501\uFE58\uFE63\uFF0D~～]+")
_DASH_ASCII = re.compile(r"(?<=\d)-+(?=\d)")
_OPEN = re.compile(r"[(（〔［\[【〖]")
_CLOSE = re.compile(r"[)）〕］\]】〗]")
_QUOTES = re.compile(r"[\"“”'‘’「」『』]")
_SPACE = re.compile(r"\s+")
_ADCODE = re.compile(r"^\d{6}$")


def display_title(title: str) -> str:
    """The one spelling shown for every title with the same identity: NFKC, ASCII brackets, em dashes,
    no white space (so two reports citing one document give it one title).

    >>> display_title("法治政府建设实施纲要（2021－2025年）")
    '法治政府建设实施纲要(2021—2025年)'
    >>> key(display_title("条例 〔草案〕")) == key("条例(草案)")
    True
    """
    text = unicodedata.normalize("NFKC", title)
    text = _DASHES.sub("—", _DASH_ASCII.sub("—", text))
    text = _OPEN.sub("(", _CLOSE.sub(")", text))
    return _SPACE.sub("", text)


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


@lru_cache(maxsize=65536)
def programme(name: str) -> str:
    """A programme: the thesaurus concept's IRI where `ontology/programmes.ttl` has the name, else a
    hash of the name's merge key (the loaders' `fold`: punctuation, spaces, asides ignored).

    >>> programme("企业安静期") == programme("“企业安静期”")
    True
    >>> programme("承诺制+标准地+全代办") == programme("承诺制标准地全代办")
    True
    """
    from loaders.names import programme_key
    folded = programme_key(name) or key(name)
    return _thesaurus()[0].get(folded) or programme_fallback(name)


def programme_fallback(name: str) -> str:
    """The IRI of a programme no thesaurus names: a hash of the name's merge key."""
    from loaders.names import programme_key
    return f"{BASE}programme/{digest(programme_key(name) or key(name))}"


def programme_label(name: str) -> str:
    """The label a programme is shown by: the thesaurus's prefLabel where it has one, else `name`.

    >>> programme_label("某某县特色改革")
    '某某县特色改革'
    """
    return _thesaurus()[1].get(programme(name), name)


@lru_cache(maxsize=1)
def _thesaurus() -> tuple[dict[str, str], dict[str, str]]:
    """(fold of each label → concept IRI, concept IRI → prefLabel); short in-name forms (一件事) left out."""
    from kg.resources import ontology_triples
    from loaders.lexicon import fold
    triples = ontology_triples("programmes.ttl")
    if not triples:
        return {}, {}
    skos = "http://www.w3.org/2004/02/skos/core#"
    pref: dict[str, str] = {}
    alt: list[tuple[str, str]] = []
    for t in triples:
        if t.predicate.value == skos + "prefLabel":
            pref[t.subject.value] = t.object.value
        elif t.predicate.value == skos + "altLabel":
            alt.append((t.subject.value, t.object.value))
    found = {fold(label): concept for concept, label in pref.items()}
    for concept, label in alt:
        short = fold(label) in fold(pref.get(concept, "")) and len(fold(label)) < 4
        if not short:
            found.setdefault(fold(label), concept)
    # the recogniser's lexicon adds national names and spellings (loaders/dicts/programme_national.tsv):
    # a spelling names the IRI its concept's name has, so both sides give one programme one IRI
    from loaders.extract.programme.national import lexicon
    for c in lexicon().concepts:
        target = found.get(fold(c.name)) or programme_fallback(c.name)
        for label in c.labels:
            if not (fold(label) in fold(c.name) and len(fold(label)) < 4):
                found.setdefault(fold(label), target)
    return found, pref


def document(title: str, national: bool = False, place_key: str | None = None) -> str:
    """A document: national ones by title alone, local ones by title and issuing/reporting place.

    >>> document("行政处罚法", True) == document("行政处罚法", True, "140000")
    True
    >>> document("工作方案", False, "140100") != document("工作方案", False, "140200")
    True
    >>> document("中华人民共和国民法典", True) == document("民法典", True)
    True
    """
    from loaders.names import document_key      # the loaders' one document identity
    if national:
        return f"{BASE}document/{digest(document_key(title))}"
    return f"{BASE}document/{digest(key(place_key or ''), document_key(title))}"


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
