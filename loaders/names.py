"""The one identity key per concept, for everything that compares names (loaders and, through
`kg.rdf.iri`, the store): two spellings with the same key are the same programme, or the same document.

- programmes: `programme_key` (NFKC, no spaces, punctuation or short bracketed asides:
  双随机、一公开 = 双随机一公开; 农村（社区）法律明白人 = 农村法律明白人);
- documents: `document_key` (NFKC, no dashes, brackets, quotes; 中华人民共和国 dropped:
  《中华人民共和国民法典》 = 《民法典》, 纲要(2021—2025年) = 纲要（2021-2025年）).
"""
from __future__ import annotations

from loaders.extract.document.title import key as _document_key
from loaders.lexicon import fold as _fold

__all__ = ["programme_key", "document_key"]


def programme_key(name: str) -> str:
    """The identity of a programme name.

    >>> programme_key("双随机、一公开") == programme_key("“双随机一公开”")
    True
    """
    return _fold(name)


def document_key(title: str) -> str:
    """The identity of a document title.

    >>> document_key("中华人民共和国民法典") == document_key("民法典")
    True
    >>> document_key("纲要（2021—2025年）") == document_key("纲要(2021-2025年)")
    True
    """
    return _document_key(title)
