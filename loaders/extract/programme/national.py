"""The programme lexicon the recogniser uses: the shipped thesaurus plus the national programmes and
spellings of `loaders/dicts/programme_national.tsv` (data, not code)."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from loaders import dicts
from loaders.lexicon import Concept, Thesaurus, thesaurus

__all__ = ["lexicon"]


@lru_cache(maxsize=1)
def lexicon() -> Thesaurus:
    """The thesaurus with the national list merged in: new names become concepts, known ones gain
    spellings. A spelling differing from the name only in punctuation is kept: the recogniser matches
    unquoted labels as written, so 标准化、规范化 is only found if it is listed as such.

    >>> lexicon().get("不见面审批").type, lexicon().get("领导干部年度述法").name
    ('reform', '述法制度')
    >>> lexicon().get("双随机、一公开").name
    '双随机一公开'
    """
    base = thesaurus()
    concepts = list(base.concepts)
    index = {c.name: i for i, c in enumerate(concepts)}
    for row in dicts.rows("programme_national.tsv"):
        name, kind = row[0], row[1]
        spellings = tuple(s for s in (row[2].split("|") if len(row) > 2 else ()) if s)
        known = base.get(name)
        if known is not None:
            i = index[known.name]
            new = tuple(s for s in spellings if base.get(s) in (None, known)
                        and s != known.name and s not in concepts[i].labels)
            concepts[i] = replace(concepts[i], labels=concepts[i].labels + new)
        else:
            concepts.append(Concept(name, kind, tuple(s for s in spellings if s != name)))
            index[name] = len(concepts) - 1
    return Thesaurus(concepts)
