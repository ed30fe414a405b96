"""Documents cited in 《》 → `Document` records: typed by their last word, with issuer, status and citations.

Steps: `scan` finds the (nested) titles, `filters` drops programmes and bare back-references,
`issuer` reads who issued each one, `merge` folds spellings and back-references into one record each.
"""
from __future__ import annotations

import re

from loaders.extract.document.filters import is_document, is_generic
from loaders.extract.document.issuer import from_context, from_prefix, is_national
from loaders.extract.document.merge import Hit, merge
from loaders.extract.document.scan import Cite, scan, split_lists
from loaders.extract.document.title import doc_type, key, status
from loaders.records import Document, Place
from loaders.text import Text

__all__ = ["extract", "key"]

_WINDOW = 50
_SHORT_GAP = 12
_RUN_GAP = re.compile(r"[、，,和及与以及\s]*")
TITLE_SPAN = re.compile(r"《[^《》\n]*》")   # a 《…》 title on one line, whatever it names


def extract(text: Text, place: Place | None) -> list[Document]:
    """Every document the report cites in 《》, in order of first mention.

    >>> t = Text.make("r.txt", "市政府印发《关于开展某项工作的通知》，落实《浙江省某某条例(草案)》《条例》。")
    >>> [(d.title, d.type, d.issuer, d.status, len(d.mentions)) for d in extract(t, Place("杭州市"))]
    [('关于开展某项工作的通知', '通知', '杭州市', None, 1), ('浙江省某某条例(草案)', '条例', '浙江省', 'draft', 2)]
    """
    cites = split_lists(scan(text.norm), lambda t: doc_type(t) is not None)
    hits: list[Hit | None] = []
    for i, cite in enumerate(cites):
        hits.append(_hit(text, cites, hits, i, place))
    _share_in_runs(text.norm, cites, hits)
    return merge([h for h in hits if h is not None])


def _hit(text: Text, cites: list[Cite], hits: list[Hit | None], i: int, place: Place | None) -> Hit | None:
    """What one 《》 occurrence says, or None when it is not a document."""
    cite = cites[i]
    title = cite.title.strip()
    issuer, national = from_prefix(title, place)
    prefixed = issuer is not None
    after = text.norm[cite.end:cite.end + 6]
    outer = hits[cite.outer] if cite.outer is not None else None
    defined = _short_name_of(text.norm, cites, hits, i)
    if defined is None and not is_document(title, after, prefixed):
        return None
    kind = doc_type(title)
    generic = issuer is None and is_generic(title)
    if issuer is None and not generic:
        national = is_national(title, kind, None)
        if not national:
            issuer = outer.issuer if outer is not None else from_context(_window(text, cites, i), place)
    return Hit(title=title, key=key(title), type=kind, status=status(title), issuer=issuer,
               national=national, prefixed=prefixed,
               generic=generic, mention=text.mention(cite.start, cite.end),
               outer=outer.key if outer is not None else None, alias_of=defined)


def _short_name_of(norm: str, cites: list[Cite], hits: list[Hit | None], i: int) -> str | None:
    """Key of the title that 《…》(以下简称《short》) gives title i as its short name, if any."""
    if i == 0 or cites[i].outer is not None:
        return None
    j = max((k for k in range(i) if cites[k].outer is None), default=None)
    if j is None or hits[j] is None:
        return None
    gap = norm[cites[j].end:cites[i].start]
    return hits[j].key if "简称" in gap and len(gap) <= _SHORT_GAP else None


def _window(text: Text, cites: list[Cite], i: int) -> str:
    """The words before a title (or before the run of titles it belongs to), within its sentence."""
    start = _run_start(text.norm, cites, i)
    sentence_start, _ = text.sentence_span(start)
    window = text.norm[max(sentence_start, start - _WINDOW):start]
    return TITLE_SPAN.sub("，", window)


def _run_start(norm: str, cites: list[Cite], i: int) -> int:
    """Start of the first title in the run 《A》、《B》《C》 that title i belongs to."""
    start = cites[i].start
    for j in range(i - 1, -1, -1):
        if cites[j].outer is not None:
            continue
        if cites[j].end > start or not _RUN_GAP.fullmatch(norm[cites[j].end:start]):
            break
        start = cites[j].start
    return start


def _share_in_runs(norm: str, cites: list[Cite], hits: list[Hit | None]) -> None:
    """Give an issuer-less local title the local issuer of a prefixed title in the same run."""
    runs: dict[int, list[int]] = {}
    for i, cite in enumerate(cites):
        if cite.outer is None and hits[i] is not None:
            runs.setdefault(_run_start(norm, cites, i), []).append(i)
    for members in runs.values():
        local = next((hits[i].issuer for i in members if hits[i].prefixed and not hits[i].national), None)
        for i in members:
            hit = hits[i]
            if local and hit.issuer is None and not hit.national and not hit.generic:
                hits[i] = hit.with_issuer(local)
