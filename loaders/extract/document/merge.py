"""Fold 《》 occurrences into documents: one per identity key, short back-references as aliases."""
from __future__ import annotations

from dataclasses import dataclass, replace

from loaders.extract.document.title import best, core, doc_type, key, status
from loaders.records import Document, Mention

__all__ = ["Hit", "merge"]

_SHORT = 4   # a title this short that ends a longer one in the report abbreviates it (民法典)


@dataclass(frozen=True)
class Hit:
    """One 《》 occurrence read as a document."""

    title: str
    key: str
    type: str | None
    status: str | None
    issuer: str | None
    national: bool
    prefixed: bool               # the issuer was read from the title itself
    generic: bool
    mention: Mention
    outer: str | None = None     # key of the title this one is nested in
    alias_of: str | None = None  # key of the title this one was declared short for (以下简称《…》)

    def with_issuer(self, issuer: str) -> "Hit":
        return replace(self, issuer=issuer)


def merge(hits: list[Hit]) -> list[Document]:
    """One `Document` per identity key, in order of first mention; back-references become aliases.

    >>> a = Hit("甲市实施方案", "甲市实施方案", "方案", None, "甲市", False, True, False, Mention(0, 8, ""))
    >>> b = Hit("实施方案", "实施方案", "方案", None, None, False, False, True, Mention(20, 26, ""))
    >>> [(d.title, d.aliases, len(d.mentions)) for d in merge([a, b])]
    [('甲市实施方案', ('实施方案',), 2)]
    """
    groups: dict[str, list[Hit]] = {}
    refs: list[Hit] = []
    declared = {h.key: h.alias_of for h in hits if h.alias_of and h.alias_of != h.key}
    for hit in hits:
        target = declared.get(hit.key)
        (refs if hit.generic and not target else groups.setdefault(target or hit.key, [])).append(hit)
    for short in [k for k in groups if len(k) <= _SHORT]:
        target = _target(groups, groups[short][0])
        if target is not None:
            groups[target].extend(groups.pop(short))
    for ref in refs:
        target = _target(groups, ref)
        if target is not None:
            groups[target].append(ref)
    docs = {k: _document(g) for k, g in groups.items()}
    cites: dict[str, list[str]] = {}
    for hit in hits:
        if hit.outer in docs and hit.key in docs and hit.key != hit.outer:
            cites.setdefault(hit.outer, []).append(docs[hit.key].title)
    ordered = sorted(docs.items(), key=lambda kv: min(h.mention.start for h in groups[kv[0]]))
    return [replace(d, cites=tuple(dict.fromkeys(cites.get(k, ())))) for k, d in ordered]


def _target(groups: dict[str, list[Hit]], ref: Hit) -> str | None:
    """Key of the fuller title `ref` abbreviates: the nearest one before it, else the nearest after."""
    where = ref.mention.start
    before, after = None, None
    short = key(core(ref.title))
    for k, group in groups.items():
        if k == ref.key or not key(core(group[0].title)).endswith(short):
            continue
        for hit in group:
            if hit.mention.start < where and (before is None or hit.mention.start > before[0]):
                before = (hit.mention.start, k)
            if hit.mention.start > where and (after is None or hit.mention.start < after[0]):
                after = (hit.mention.start, k)
    chosen = before or after
    return chosen[1] if chosen else None


def _document(group: list[Hit]) -> Document:
    """The record for one group of occurrences of the same document."""
    full = [h for h in group if not h.generic] or group
    title = best([h.title for h in full if len(h.key) == max(len(x.key) for x in full)])
    issuer = next((h.issuer for h in full if h.prefixed), None) \
        or next((h.issuer for h in full if h.issuer), None)
    aliases = tuple(dict.fromkeys(h.title for h in group if h.title != title))
    mentions = tuple(sorted({h.mention for h in group}, key=lambda m: m.start))
    return Document(title=title, type=doc_type(title), issuer=issuer,
                    status=status(title) or next((h.status for h in full if h.status), None),
                    mentions=mentions, cites=(), aliases=aliases,
                    national=any(h.national for h in full))
