"""Which 《》 titles are documents: not programmes, columns, newspapers or films; not bare short names."""
from __future__ import annotations

from loaders import dicts
from loaders.extract.document.lexicon import words
from loaders.extract.document.title import core, doc_type, key

__all__ = ["is_media", "is_generic", "is_document"]



def is_media(title: str, after: str) -> bool:
    """Whether a 《》 names a programme, column, publication or work: by its ending, or (for a title
    without a type word) by the word after it.

    >>> is_media("法治在线", "栏目播出"), is_media("人民日报", "头版"), is_media("某条例", "宣传片")
    (True, True, False)
    >>> is_media("关于某事的通报", ""), is_media("民法典", "读本")
    (False, False)
    """
    if any(title.endswith(w) for w in words("media_titles")):
        return True
    if not any(after.startswith(w) for w in words("media_after")):
        return False
    return doc_type(title) is None


def is_generic(title: str) -> bool:
    """Whether a title is only a type word, maybe with a generic head (实施方案, 条例, 工作要点).

    >>> is_generic("实施方案"), is_generic("条例"), is_generic("民法典"), is_generic("某县实施方案")
    (True, True, False, False)
    """
    body = key(core(title))
    kind = doc_type(body)
    if kind is None:
        return False
    head = body[:-len(kind)]
    return head == "" or head in words("generic_heads")


def is_document(title: str, after: str, prefixed: bool) -> bool:
    """Whether a 《》 title is a document: it has a type word (or opens like one) and is not media.

    >>> is_document("某省数据条例", "", False), is_document("法润某地", "电视节目", False)
    (True, False)
    >>> is_document("某地好声音", "", False), is_document("某县行政复议咨询委员会", "", True)
    (False, False)
    """
    if is_media(title, after):
        return False
    if doc_type(title) is not None:
        return True
    if title.endswith(words("organ_titles")):
        return False            # 《某县复议咨询委员会》: a body set up, not a paper
    return len(title) >= 10 and (prefixed or title.startswith(dicts.words("document_doclike_start.txt")))
