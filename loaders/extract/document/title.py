"""What a title says about itself: type (its last word), status (draft/trial), identity key, best spelling."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from loaders import dicts

from loaders.extract.document.lexicon import words

__all__ = ["doc_type", "status", "core", "key", "repair", "best"]

_BRACKETS = re.compile(r"\s*[(（\[【][^()（）\[\]【】]{0,20}[)）\]】]\s*$")
_DROP = re.compile(r"[\s\-—–‐‑－~～·•・、,，\"'“”‘’《》〈〉<>()（）\[\]【】「」]")
_LOST_DASH = re.compile(r"(?<!\d)((?:19|20)\d\d)((?:19|20)\d\d)(?=年)")


def core(title: str) -> str:
    """The title without trailing bracketed notes such as (试行), (草案) or (2021-2025年).

    >>> core("某市条例(草案)"), core("纲要（2021—2025年）")
    ('某市条例', '纲要')
    """
    while True:
        stripped = _BRACKETS.sub("", title)
        if stripped == title or not stripped:
            return title
        title = stripped


def doc_type(title: str) -> str | None:
    """The type word the title ends with (ignoring bracketed notes and a trailing 草案), or None.

    The longest ending found in the type list or the not-a-type list decides (保护法 is a law although
    护法 is no type; 以案释法 is no law although it ends in 法). A title with no type word may still be
    a written work (论…, …问答), typed from `document_works.tsv`.

    >>> doc_type("浙江省数字经济促进条例(草案)"), doc_type("关于印发〈甲方案〉的通知"), doc_type("民法典")
    ('条例', '通知', '法典')
    >>> doc_type("以案释法") is None, doc_type("中华人民共和国未成年人保护法"), doc_type("三步工作法") is None
    (True, '法', True)
    >>> doc_type("论坚持全面依法治国"), doc_type("民法典百问")
    ('著作', '问答')
    """
    body = core(title)
    if body.endswith("草案"):
        body = body[:-2]
    types = dicts.table("document_types.txt")
    ending = next((w for w in _endings() if body.endswith(w)), None)
    if ending is not None:
        return types.get(ending)
    return work_type(body)


@lru_cache(maxsize=1)
def _endings() -> tuple[str, ...]:
    return tuple(sorted(set(dicts.table("document_types.txt")) | set(words("not_types")),
                        key=lambda w: (-len(w), w)))


def work_type(body: str) -> str | None:
    """The kind of written work a title without a type word names (论… → 著作), or None.

    >>> work_type("论坚持全面依法治国"), work_type("某某工作") is None
    ('著作', True)
    """
    for word, where, kind in dicts.rows("document_works.tsv"):
        if len(body) >= len(word) + 3 and (body.startswith(word) if where == "prefix" else body.endswith(word)):
            return kind
    return None


def _marks(kind: str) -> tuple[str, ...]:
    return dicts.words("document_status.tsv", 1, kind)


def status(title: str) -> str | None:
    """'draft' or 'trial' where the title says so, in a bracketed note or just before its type word.

    >>> status("某条例(草案)"), status("某办法（试行）"), status("重大事项暂行条例"), status("某规定")
    ('draft', 'trial', 'trial', None)
    """
    notes = title[len(core(title)):]
    body = core(title)
    if any(w in notes for w in _marks("draft")) or body.endswith("草案"):
        return "draft"
    if any(w in notes for w in _marks("trial")):
        return "trial"
    kind = doc_type(title)
    if kind and any(body.endswith(t + kind) for t in _marks("trial")):
        return "trial"
    return None


def key(title: str) -> str:
    """Identity of a title: widths folded, dashes, brackets, quotes and 中华人民共和国 dropped.

    >>> key("纲要（2021—2025年）") == key("纲要(2021-2025年)") == key("纲要(20212025年)")
    True
    >>> key("中华人民共和国民法典")
    '民法典'
    """
    folded = _DROP.sub("", unicodedata.normalize("NFKC", title))
    return folded.removeprefix("中华人民共和国") or folded


def repair(title: str) -> str:
    """Put back a year-range dash that was lost in copying: (20212025年) → (2021—2025年).

    >>> repair("纲要(20212025年)")
    '纲要(2021—2025年)'
    """
    return _LOST_DASH.sub(lambda m: m.group(1) + "—" + m.group(2)
                          if m.group(2) > m.group(1) else m.group(0), title)


def best(spellings: list[str]) -> str:
    """The best-formed of several spellings of one title: repaired dashes, the longest, the first seen.

    >>> best(["纲要(20212025年)", "纲要(2021—2025年)"])
    '纲要(2021—2025年)'
    >>> best(["民法典", "中华人民共和国民法典"])
    '中华人民共和国民法典'
    """
    return max((repair(s) for s in spellings), key=len)
